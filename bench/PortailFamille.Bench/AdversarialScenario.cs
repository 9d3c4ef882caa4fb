using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using PortailFamille.Adversarial;

namespace PortailFamille.Bench;

/// <summary>
/// The randomized adversarial history checker (tests/Adversarial) at a larger scale than CI's: on a fresh demo database
/// of its own, the Host in process and two real Worker processes killed at random, histories of a minute each with
/// consecutive seeds until the time is up. Prints histories, operations per second and violations; any violation
/// fails the bench (exit 1) and prints the seed and the history that broke it.
/// </summary>
internal static class AdversarialScenario
{
    public static async Task RunAsync(BenchDatabase database, Func<Task<string>> postgresDatabase, BenchOptions options, BenchReport report, TextWriter log, CancellationToken ct)
    {
        var name = database.ToString().ToLowerInvariant();
        string connectionString;
        if (database == BenchDatabase.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "pf-bench-adv-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(directory);
            connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "portail.db"), DefaultTimeout = 30 }.ToString();
        }
        else
        {
            connectionString = await postgresDatabase();
        }

        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = database == BenchDatabase.Sqlite ? "Sqlite" : "Postgres",
            ["Database:ConnectionString"] = connectionString,
            ["Demo:SeedData"] = "true",
            ["Payments:TestGateway:Enabled"] = "true",
            ["Security:CookieSecurePolicy"] = "SameAsRequest", // the test server's plain http, see PortalServer
            ["RateLimiting:AuthPermitsPerMinute"] = "1000000000",
            ["Mail:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "pf-bench-adv-mails-" + Guid.NewGuid().ToString("N")[..8]),
            ["Messaging:HealthCheckSeconds"] = "1",
            ["Messaging:StaleNodeSeconds"] = "4",
            ["Mail:Delivery:PollSeconds"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:Console:LogToStandardErrorThreshold"] = "Trace",
        };
        log.WriteLine($"[{name}] adversarial: starting the Host on a fresh demo database…");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in settings) web.UseSetting(key, value);
            web.UseEnvironment("Production");
            web.UseContentRoot(PortalServer.HostContentRoot()); // see the README's developer notes: the factory's guess is wrong in a console app
        });
        _ = factory.Server; // migrations and demo data
        // The Workers log at their own level: the fleet knows a Worker is up by its « Application started » line.
        var workerSettings = settings.Where(s => !s.Key.StartsWith("Logging:", StringComparison.Ordinal))
            .ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        await using var fleet = new WorkerFleet(workerSettings, line => log.WriteLine($"[{name}] {line}"));
        await fleet.StartAsync(2);
        var portal = new Portal(factory, fleet);

        var deadline = DateTime.UtcNow + options.AdversarialDuration;
        var (histories, operations, kills, elapsed) = (0, 0, 0, TimeSpan.Zero);
        var violations = new List<string>();
        while (DateTime.UtcNow < deadline && violations.Count == 0)
        {
            var left = deadline - DateTime.UtcNow;
            var history = new HistoryOptions
            {
                Seed = options.Seed + histories,
                Duration = left < TimeSpan.FromSeconds(60) ? left : TimeSpan.FromSeconds(60),
                Families = options.AdversarialFamilies,
                SessionsPerFamily = 3,
                KillEvery = TimeSpan.FromSeconds(10),
                MaxOperationsPerActor = int.MaxValue, // the time decides, not a count
            }.FromEnvironment();
            var result = await new AdversarialHistory(portal, history, line => log.WriteLine($"[{name}] {line}")).RunAsync(ct);
            histories++;
            operations += result.Operations;
            kills = result.Kills;
            elapsed += result.Duration;
            violations.AddRange(result.Violations);
            if (result.Violations.Count > 0) log.WriteLine(result.Describe());
        }

        report.Add(name, "adversarial", "histories", histories, $"seeds {options.Seed}…{options.Seed + histories - 1}, {options.AdversarialFamilies} families × 3 sessions + 3 staff each");
        report.Add(name, "adversarial", "histories/min", histories / Math.Max(elapsed.TotalMinutes, 1e-9), "");
        report.Add(name, "adversarial", "operations", operations, "HTTP requests of parents, staff and the payment provider");
        report.Add(name, "adversarial", "operations/s", operations / Math.Max(elapsed.TotalSeconds, 1e-9), "");
        report.Add(name, "adversarial", "Worker kills (SIGKILL)", kills, "");
        report.Add(name, "adversarial", "violations", violations.Count, violations.Count == 0 ? "every invariant holds" : string.Join("; ", violations.Take(3)));
        report.Invariants.Add(new BenchInvariant(name, "adversarial histories", violations.Count == 0,
            violations.Count == 0 ? $"{histories} histories, {operations} operations: every invariant holds" : $"{violations.Count} violations: {string.Join("; ", violations.Take(5))}"));
    }

    private sealed class Portal(WebApplicationFactory<Program> factory, WorkerFleet fleet) : IAdversarialPortal
    {
        public IServiceProvider Services => factory.Services;

        public HttpClient NewClient() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        public WorkerFleet? Workers => fleet;
    }
}
