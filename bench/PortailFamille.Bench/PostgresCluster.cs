using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PortailFamille.Bench;

/// <summary>
/// A private PostgreSQL cluster as in the integration tests: initdb in a temporary directory, pg_ctl on a
/// free port of 127.0.0.1, stopped and deleted at the end. Durability is off (fsync, synchronous_commit,
/// full_page_writes) as in the tests: the portal and the raw baseline run on the same server, so the
/// ratio between them is fair, but absolute figures are above what a durable server gives.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string? _root;
    private readonly string? _bin;
    private readonly bool _asRoot;

    public string AdminConnectionString { get; }

    public string Settings { get; }

    private PostgresCluster(string admin, string settings, string? root = null, string? bin = null, bool asRoot = false)
    {
        AdminConnectionString = admin;
        Settings = settings;
        _root = root;
        _bin = bin;
        _asRoot = asRoot;
    }

    public static PostgresCluster Start(string? existing)
    {
        if (!string.IsNullOrWhiteSpace(existing)) return new PostgresCluster(existing, "external server");

        var bin = (Directory.Exists("/usr/lib/postgresql")
                      ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                          .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d).FirstOrDefault()
                      : null)
                  ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: apt-get install -y postgresql, or pass --postgres CONNSTRING.");
        var root = Path.Combine(Path.GetTempPath(), $"pf-bench-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..36]);
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", "-R", "postgres:postgres", root);
        var port = FreePort();
        const string settings = "fsync=off synchronous_commit=off full_page_writes=off max_connections=400 shared_buffers=1GB";
        var flags = string.Join(' ', settings.Split(' ').Select(s => $"-c {s}"));
        RunAs(asRoot, $"{bin}/initdb -D {data} -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8");
        RunAs(asRoot, $"{bin}/pg_ctl -D {data} -l {root}/server.log -w -t 60 -o \"-p {port} -k {root} -c listen_addresses=127.0.0.1 {flags}\" start");
        var admin = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
        return new PostgresCluster(admin, "private cluster (initdb), " + settings, root, bin, asRoot);
    }

    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..30].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public ValueTask DisposeAsync()
    {
        if (_root is null || _bin is null) return ValueTask.CompletedTask;
        NpgsqlConnection.ClearAllPools();
        try
        {
            RunAs(_asRoot, $"{_bin}/pg_ctl -D {Path.Combine(_root, "data")} -m immediate -w stop");
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"Could not stop the bench PostgreSQL cluster in {_root}: {ex.Message}");
        }

        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // initdb refuses to run as root: the cluster then belongs to the postgres user.
    private static void RunAs(bool asRoot, string command)
    {
        if (asRoot) Run("su", "postgres", "-c", command);
        else Run("/bin/sh", "-c", command);
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000)) throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 120 s");
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {stdout.Result} {stderr.Result}");
    }
}
