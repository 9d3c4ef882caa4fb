using PortailFamille.Adversarial;
using Xunit.Abstractions;

namespace PortailFamille.Integration.Tests;

/// <summary>
/// The randomized adversarial history checker (tests/Adversarial) in CI: a small run per database, with the Host in
/// process and two real Worker processes killed and replaced at random. A failure prints the seed and the history;
/// ADVERSARIAL_SEED replays it, ADVERSARIAL_SECONDS / ADVERSARIAL_FAMILIES / ADVERSARIAL_SESSIONS scale it.
/// </summary>
public abstract class AdversarialHistoryScenarios(ITestOutputHelper output)
{
    protected abstract PortalApp NewApp();

    [Fact]
    public async Task A_random_history_of_parents_staff_and_killed_workers_breaks_no_invariant()
    {
        var app = NewApp();
        await app.InitializeAsync();
        var settings = app.Settings.Where(s => s.Value is not null).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        await using var fleet = new WorkerFleet(settings, Log);
        try
        {
            await fleet.StartAsync(2);
            var options = new HistoryOptions { Duration = TimeSpan.FromSeconds(35), Families = 6, SessionsPerFamily = 2, KillEvery = TimeSpan.FromSeconds(9) }.FromEnvironment();
            var result = await new AdversarialHistory(new Portal(app, fleet), options, Log).RunAsync();

            Assert.True(result.Operations > 100, $"the history ran only {result.Operations} operations");
            Assert.True(result.Violations.Count == 0, result.Describe());
        }
        finally
        {
            await fleet.DisposeAsync();
            await app.DisposeAsync();
        }
    }

    private void Log(string line)
    {
        try { output.WriteLine(line); } catch (InvalidOperationException) { /* the test is over */ }
    }

    private sealed class Portal(PortalApp app, WorkerFleet fleet) : IAdversarialPortal
    {
        public IServiceProvider Services => app.HostServices;

        public HttpClient NewClient() => app.NewClient();

        public WorkerFleet? Workers => fleet;
    }

    /// <summary>The Host alone in process; its Workers are the fleet's processes. Dead nodes are noticed within seconds.</summary>
    protected static IEnumerable<KeyValuePair<string, string?>> FleetSettings() =>
    [
        new("Messaging:HealthCheckSeconds", "1"),
        new("Messaging:StaleNodeSeconds", "4"),
        new("Mail:Delivery:PollSeconds", "1"),
    ];
}

public sealed class SqliteAdversarialHistoryTests(ITestOutputHelper output) : AdversarialHistoryScenarios(output)
{
    protected override PortalApp NewApp() => new App();

    private sealed class App : SqlitePortalApp
    {
        protected override bool RunsWorkerInProcess => false;

        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => FleetSettings();
    }
}

public sealed class PostgresAdversarialHistoryTests(ITestOutputHelper output) : AdversarialHistoryScenarios(output)
{
    protected override PortalApp NewApp() => new App();

    private sealed class App : PortalApp
    {
        public override string Provider => "Postgres";

        protected override bool RunsWorkerInProcess => false;

        protected override Task<string> CreateDatabaseAsync() => PostgresServer.CreateDatabaseAsync("pf_adversarial");

        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => FleetSettings();
    }
}
