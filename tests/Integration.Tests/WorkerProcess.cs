using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit.Abstractions;

namespace PortailFamille.Integration.Tests;

/// <summary>`dotnet PortailFamille.Worker.dll`, as ops run it, with its output kept for the test log.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _name;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _lines = new();

    private WorkerProcess(string name, Process process)
    {
        _name = name;
        _process = process;
    }

    public bool IsRunning => !_process.HasExited;

    public int Pid => _process.Id;

    public static WorkerProcess Start(string name, IReadOnlyDictionary<string, string> settings, ITestOutputHelper output)
    {
        var info = new ProcessStartInfo("dotnet", [WorkerAssembly()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(WorkerAssembly())!,
        };
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) info.Environment[key] = value;

        var worker = new WorkerProcess(name, new Process { StartInfo = info, EnableRaisingEvents = true });
        worker._process.OutputDataReceived += (_, e) => worker.Receive(e.Data);
        worker._process.ErrorDataReceived += (_, e) => worker.Receive(e.Data);
        worker._process.Start();
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        worker._process.Exited += (_, _) => worker._ready.TrySetException(new InvalidOperationException(
            $"{name} exited with code {worker._process.ExitCode}:\n{string.Join('\n', worker._lines.TakeLast(40))}"));
        worker._output = output;
        return worker;
    }

    private ITestOutputHelper? _output;

    private void Receive(string? line)
    {
        if (line is null) return;
        _lines.Enqueue(line);
        if (line.Contains("Next transmission in", StringComparison.Ordinal)) _ready.TrySetResult();
        if (line.Contains("fail", StringComparison.Ordinal) || line.Contains("Transmission done", StringComparison.Ordinal) || line.Contains("killed", StringComparison.Ordinal)
            || line.Contains("Recovered", StringComparison.Ordinal) || line.Contains("Ejected", StringComparison.Ordinal))
        {
            try { _output?.WriteLine($"[{_name}] {line}"); } catch (InvalidOperationException) { /* the test is over */ }
        }
    }

    public async Task WaitUntilReadyAsync()
    {
        var first = await Task.WhenAny(_ready.Task, Task.Delay(TimeSpan.FromSeconds(20)));
        if (first != _ready.Task) throw new TimeoutException($"{_name} did not start within 20 s:\n{string.Join('\n', _lines.TakeLast(40))}");
        await _ready.Task;
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private static string WorkerAssembly()
    {
        // The Worker's own build output, same configuration as this test assembly (bin/<Configuration>/net10.0/).
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "PortailFamille.sln"))) root = root.Parent;
        var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("repository root not found"),
            "src", "Worker", "bin", configuration, testBin.Name, "PortailFamille.Worker.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the Worker first", path);
    }
}
