using System.Collections.Concurrent;
using System.Diagnostics;

namespace PortailFamille.Adversarial;

/// <summary>
/// Real Worker processes (`dotnet PortailFamille.Worker.dll`, as ops run it) on the history's database: started,
/// killed with SIGKILL at random and replaced, so that events a dead Worker had taken must be handled by another.
/// </summary>
public sealed class WorkerFleet(IReadOnlyDictionary<string, string> settings, Action<string> log) : IAsyncDisposable
{
    private readonly List<WorkerProcess> _running = [];
    private readonly object _gate = new();
    private int _started;

    public int Kills { get; private set; }

    public int Running
    {
        get { lock (_gate) return _running.Count(w => w.IsRunning); }
    }

    /// <summary>The last lines each running Worker wrote, to explain a run that did not end well.</summary>
    public string Tail(int lines = 25)
    {
        lock (_gate)
            return string.Join('\n', _running.Where(w => w.IsRunning).Select(w => $"--- {w.Name}\n{string.Join('\n', w.Lines.TakeLast(lines))}"));
    }

    public async Task StartAsync(int count)
    {
        var started = Enumerable.Range(0, count).Select(_ => Launch()).ToList();
        await Task.WhenAll(started.Select(w => w.WaitUntilReadyAsync()));
    }

    /// <summary>SIGKILL one running Worker (no clean-up at all) and start another in its place.</summary>
    public async Task KillOneAndReplaceAsync(Random random)
    {
        WorkerProcess? victim;
        lock (_gate)
        {
            var alive = _running.Where(w => w.IsRunning).ToList();
            victim = alive.Count == 0 ? null : alive[random.Next(alive.Count)];
        }

        if (victim is not null)
        {
            victim.Kill();
            Kills++;
            log($"{victim.Name} killed (SIGKILL)");
        }

        await Launch().WaitUntilReadyAsync();
    }

    /// <summary>At least one Worker up (after the chaos, so the events can all be handled).</summary>
    public async Task EnsureRunningAsync()
    {
        if (Running == 0) await Launch().WaitUntilReadyAsync();
    }

    private WorkerProcess Launch()
    {
        var name = $"worker-{Interlocked.Increment(ref _started)}";
        var worker = WorkerProcess.Start(name, settings, log);
        lock (_gate) _running.Add(worker);
        return worker;
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            foreach (var worker in _running) worker.Dispose();
            _running.Clear();
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>`dotnet PortailFamille.Worker.dll`, as ops run it, its output kept (the last lines) and its notable lines logged.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Action<string> _log;

    private WorkerProcess(string name, Process process, Action<string> log)
    {
        Name = name;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public IEnumerable<string> Lines => _lines.ToArray();

    public int Pid => _process.Id;

    public bool IsRunning
    {
        get
        {
            try { return !_process.HasExited; }
            catch (InvalidOperationException) { return false; }
        }
    }

    public static WorkerProcess Start(string name, IReadOnlyDictionary<string, string> settings, Action<string> log)
    {
        var assembly = WorkerAssembly();
        var info = new ProcessStartInfo("dotnet", [assembly])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings) info.Environment[key] = value;
        info.Environment.TryAdd("Mail__Smtp__LocalDomain", $"{name}.test"); // how the SMTP server tells the Workers apart

        var worker = new WorkerProcess(name, new Process { StartInfo = info, EnableRaisingEvents = true }, log);
        worker._process.OutputDataReceived += (_, e) => worker.Receive(e.Data);
        worker._process.ErrorDataReceived += (_, e) => worker.Receive(e.Data);
        worker._process.Exited += (_, _) => worker._ready.TrySetException(new InvalidOperationException(
            $"{name} exited before it was ready:\n{string.Join('\n', worker._lines.TakeLast(40))}"));
        worker._process.Start();
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        return worker;
    }

    private void Receive(string? line)
    {
        if (line is null) return;
        _lines.Enqueue(line);
        while (_lines.Count > 200) _lines.TryDequeue(out _);
        // The generic host's last word once every hosted service (Wolverine and its listeners included) has started.
        if (line.Contains("Application started", StringComparison.Ordinal)) _ready.TrySetResult();
        if (line.Contains("fail", StringComparison.Ordinal) || line.Contains("Nightly transmission", StringComparison.Ordinal) || line.Contains("killed", StringComparison.Ordinal)
            || line.Contains("Recovered", StringComparison.Ordinal) || line.Contains("Ejected", StringComparison.Ordinal))
            _log($"[{Name}] {line}");
    }

    public async Task WaitUntilReadyAsync()
    {
        var first = await Task.WhenAny(_ready.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        if (first != _ready.Task) throw new TimeoutException($"{Name} did not start within 30 s:\n{string.Join('\n', _lines.TakeLast(40))}");
        await _ready.Task;
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    public void Dispose()
    {
        if (IsRunning) Kill();
        _process.Dispose();
    }

    /// <summary>The Worker's build output beside this assembly's configuration (bin/&lt;Configuration&gt;/net10.0/).</summary>
    private static string WorkerAssembly()
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = bin.Parent!.Name;
        var root = bin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "PortailFamille.sln"))) root = root.Parent;
        var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("repository root not found"),
            "src", "Worker", "bin", configuration, bin.Name, "PortailFamille.Worker.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the Worker first (dotnet build PortailFamille.sln)", path);
    }
}
