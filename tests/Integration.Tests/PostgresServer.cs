using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PortailFamille.Integration.Tests;

/// <summary>
/// A real PostgreSQL for the tests. PORTAIL_TEST_POSTGRES (a connection string to a server where the
/// user may create databases) is used when set; otherwise a private cluster is created in a temp
/// directory with initdb and started with pg_ctl on a free port, then stopped when the tests end.
/// Missing binaries fail the tests with the command to install them: nothing is skipped.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> AdminConnection = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static string? _dataDirectory;
    private static string? _binDirectory;

    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var admin = AdminConnection.Value;
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
    }

    private static string Start()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PORTAIL_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return fromEnvironment;

        _binDirectory = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin. Install them (apt-get install -y postgresql) " +
            "or set PORTAIL_TEST_POSTGRES to a connection string.");

        var root = Path.Combine(Path.GetTempPath(), $"pf-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..32]);
        _dataDirectory = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        var port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", "-R", "postgres:postgres", root);

        RunAs(asRoot, $"{_binDirectory}/initdb -D {_dataDirectory} -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8");
        RunAs(asRoot, $"{_binDirectory}/pg_ctl -D {_dataDirectory} -l {root}/server.log -w -t 60 " +
                      $"-o \"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start");

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(asRoot);
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Maximum Pool Size=50";
    }

    private static void Stop(bool asRoot)
    {
        if (_dataDirectory is null || _binDirectory is null) return;
        try
        {
            RunAs(asRoot, $"{_binDirectory}/pg_ctl -D {_dataDirectory} -m immediate -w stop");
            Directory.Delete(Path.GetDirectoryName(_dataDirectory)!, recursive: true);
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"Could not stop the test PostgreSQL cluster in {_dataDirectory}: {ex.Message}");
        }
    }

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => d)
                .FirstOrDefault()
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // initdb refuses to run as root: the cluster belongs to the postgres user then.
    private static void RunAs(bool asRoot, string command)
    {
        if (asRoot) Run("su", "postgres", "-c", command);
        else Run("/bin/sh", "-c", command);
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        var arguments = string.Join(' ', args);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000)) throw new TimeoutException($"{file} {arguments} did not finish in 120 s");
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {stdout.Result} {stderr.Result}");
    }
}
