using PortailFamille.Adversarial;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortailFamille.BuildingBlocks.Demo;
using PortailFamille.Notifications.Contracts;
using PortailFamille.Notifications.Persistence;
using Wolverine.Runtime;
using Xunit.Abstractions;

namespace PortailFamille.Integration.Tests;

/// <summary>
/// Issue #13, defect 3: the Host (in process) holds Wolverine's durability agent, a real Worker process has taken
/// integration events from the durable queue (they sit in Wolverine's inbox as `Incoming`, owned by its node) and is
/// killed with SIGKILL; another Worker is started. Every event must be handled once, by the live Worker, within
/// Messaging:StaleNodeSeconds plus a margin — not when the Host next restarts.
/// </summary>
public abstract class WorkerTakeoverScenarios(ITestOutputHelper output) : IAsyncLifetime
{
    private const int StaleNodeSeconds = 4;
    private const int HealthCheckSeconds = 1;
    // Two missed health checks before the ejection, a sweep period, and the start of the new Worker (a few seconds
    // on this machine, more under load): measured from the kill.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(12);
    private const int Events = 60;

    private TakeoverApp _app = default!;
    private readonly List<WorkerProcess> _workers = [];

    protected abstract string Provider { get; }

    protected abstract Task<string> CreateDatabaseAsync();

    /// <summary>Wolverine's inbox table as raw SQL sees it (PostgreSQL: in the "wolverine" schema).</summary>
    protected abstract string IncomingTable { get; }

    protected abstract string NodeTable { get; }

    public async Task InitializeAsync()
    {
        _app = new TakeoverApp(Provider, CreateDatabaseAsync);
        await _app.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var worker in _workers) worker.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Events_taken_by_a_killed_worker_are_handled_once_by_another_worker_while_the_host_holds_the_durability_agent()
    {
        // The Host is the first node: it becomes the leader and runs the store's durability agent, and keeps it when
        // Workers join (the leader does not move an agent that already runs on a capable node).
        var host = _app.HostServices.GetRequiredService<IWolverineRuntime>();
        await UntilAsync(() => Task.FromResult(HostRunsDurabilityAgent(host)), TimeSpan.FromSeconds(30), "the Host never ran the durability agent");

        for (var i = 0; i < Events; i++)
            (await _app.SendAsync(new PublishNews(DemoCatalog.Education.Id, $"Information {i}", "Texte", "Test"))).ValueOrThrow();

        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = Provider,
            ["Database__ConnectionString"] = _app.ConnectionString,
            ["Mail__PickupDirectory"] = Path.Combine(Path.GetTempPath(), "pf-mails-" + Guid.NewGuid().ToString("N")),
            ["Messaging__HealthCheckSeconds"] = HealthCheckSeconds.ToString(CultureInfo.InvariantCulture),
            ["Messaging__StaleNodeSeconds"] = StaleNodeSeconds.ToString(CultureInfo.InvariantCulture),
            // No nightly transmission during the test.
            ["Worker__TransmissionTime"] = TimeProvider.System.GetUtcNow().AddHours(12).ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        };

        // The victim starts on the backlog; it is killed as soon as it owns events it has not handled yet.
        var victim = WorkerProcess.Start("worker-a", settings, output.Log());
        _workers.Add(victim);
        var taken = 0;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (taken == 0 && DateTime.UtcNow < deadline && victim.IsRunning)
        {
            // Only a Worker writes to the inbox (the Host listens to nothing): an Incoming row is an event a Worker has taken.
            taken = await CountIncomingAsync("owner_id <> 0");
            if (taken == 0) await Task.Delay(2);
        }

        victim.Kill();
        var killedAt = Stopwatch.StartNew();
        Assert.True(taken > 0, "the victim never held an event it had not handled");
        var handledByVictim = (await JournalAsync()).Count;
        output.WriteLine($"worker-a killed owning {taken} Incoming envelopes, {handledByVictim} of {Events} events handled");
        Assert.True(handledByVictim < Events, "the victim had handled everything");
        Assert.True(HostRunsDurabilityAgent(host), "the Host holds the durability agent when the Worker dies");
        // The inbox rows a node has taken carry its node number: the dead Worker's must not be the Host's.
        var (nodes, numbers) = await NodeNumbersAsync();
        Assert.True(nodes == 2 && numbers == 2, $"{nodes} nodes registered under {numbers} distinct node numbers");

        var survivor = WorkerProcess.Start("worker-b", settings, output.Log());
        _workers.Add(survivor);

        var limit = TimeSpan.FromSeconds(StaleNodeSeconds) + Margin;
        var done = false;
        while (!done && killedAt.Elapsed < limit)
        {
            done = (await JournalAsync()).Count == Events && await CountIncomingAsync("1 = 1") == 0;
            if (!done) await Task.Delay(200);
        }

        var journal = await JournalAsync();
        var stuck = await CountIncomingAsync("1 = 1");
        output.WriteLine($"{killedAt.Elapsed.TotalSeconds:0.0} s after the kill: {journal.Count} of {Events} events handled, {stuck} still Incoming; " +
                         $"durability agent on the Host: {HostRunsDurabilityAgent(host)}");
        Assert.True(done, $"{Events - journal.Count} events not handled and {stuck} envelopes still Incoming {limit.TotalSeconds} s after the kill");

        // Once each (the journal's unique index would refuse a second row; the count says none is missing), by one of the two Workers.
        Assert.Equal(Events, journal.Select(j => j.SubjectId).Distinct().Count());
        var byVictim = journal.Count(j => j.ProcessedBy.EndsWith($"/{victim.Pid}", StringComparison.Ordinal));
        var bySurvivor = journal.Count(j => j.ProcessedBy.EndsWith($"/{survivor.Pid}", StringComparison.Ordinal));
        Assert.Equal(Events, byVictim + bySurvivor);
        Assert.True(bySurvivor > 0, "the new Worker handled the rest");
        Assert.True(survivor.IsRunning, "the new Worker is still up");
    }

    private static bool HostRunsDurabilityAgent(IWolverineRuntime host) =>
        host.Agents.AllRunningAgentUris().Any(u => u.Scheme == "wolverinedb");

    private async Task<List<(Guid SubjectId, string ProcessedBy)>> JournalAsync()
    {
        await using var scope = _app.HostServices.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().WorkerJournal.AsNoTracking()
            .Where(j => j.EventType == nameof(NewsPublished)).Select(j => new { j.SubjectId, j.ProcessedBy }).ToListAsync();
        return rows.Select(r => (r.SubjectId, r.ProcessedBy)).ToList();
    }

    private async Task<int> CountIncomingAsync(string condition)
    {
        await using var scope = _app.HostServices.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = $"select count(*) from {IncomingTable} where status = 'Incoming' and {condition}";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<(int Nodes, int Numbers)> NodeNumbersAsync()
    {
        await using var scope = _app.HostServices.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = $"select count(*), count(distinct node_number) from {NodeTable}";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture));
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan within, string failure)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(100);
        }
    }

    /// <summary>The Host alone on the test database, with the fast node health settings the Workers get.</summary>
    private sealed class TakeoverApp(string provider, Func<Task<string>> createDatabase) : PortalApp
    {
        public override string Provider => provider;

        protected override bool RunsWorkerInProcess => false;

        protected override Task<string> CreateDatabaseAsync() => createDatabase();

        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
        [
            new("Messaging:HealthCheckSeconds", HealthCheckSeconds.ToString(CultureInfo.InvariantCulture)),
            new("Messaging:StaleNodeSeconds", StaleNodeSeconds.ToString(CultureInfo.InvariantCulture)),
        ];
    }
}

public sealed class SqliteWorkerTakeoverScenarios(ITestOutputHelper output) : WorkerTakeoverScenarios(output)
{
    protected override string Provider => "Sqlite";

    protected override string IncomingTable => "wolverine_incoming_envelopes";

    protected override string NodeTable => "wolverine_nodes";

    protected override Task<string> CreateDatabaseAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pf-takeover-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return Task.FromResult($"Data Source={Path.Combine(directory, "portail.db")}");
    }
}

public sealed class PostgresWorkerTakeoverScenarios(ITestOutputHelper output) : WorkerTakeoverScenarios(output)
{
    protected override string Provider => "Postgres";

    protected override string IncomingTable => "wolverine.wolverine_incoming_envelopes";

    protected override string NodeTable => "wolverine.wolverine_nodes";

    protected override Task<string> CreateDatabaseAsync() => PostgresServer.CreateDatabaseAsync("pf_takeover");
}
