using Xunit.Abstractions;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace PortailFamille.Bench.Tests;

/// <summary>
/// The bench in smoke mode (tiny city, a few seconds per scenario) on SQLite and PostgreSQL, so it cannot
/// rot. Correctness only: no error a parent would see, the capacity invariant, every step measured.
/// Never a timing: figures on a shared 2-core machine say nothing in a test.
/// </summary>
public sealed class BenchSmokeTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(BenchDatabase.Sqlite)]
    [InlineData(BenchDatabase.Postgres)]
    public async Task Smoke_run_completes_every_scenario_without_error_and_keeps_the_invariant(BenchDatabase database)
    {
        var log = new StringWriter();
        var report = await BenchRunner.RunAsync(BenchOptions.SmokeDefaults with { Databases = [database] }, log);
        output.WriteLine(log.ToString());
        output.WriteLine(report.Table());
        var db = database.ToString().ToLowerInvariant();

        Assert.True(report.InvariantsHold, report.Table());
        Assert.Contains(report.Invariants, i => i.AfterScenario == "nightly" && i.Detail.StartsWith("every pending line", StringComparison.Ordinal));

        foreach (var scenario in new[] { "rush", "opening", "opening-kept" })
        {
            Assert.Equal(0, report.Value(db, scenario, "errors"));
            Assert.Equal(0, report.Value(db, scenario, "families failed (5xx, timeout, unexpected answer)"));
            Assert.True(report.Value(db, scenario, "families done") > 0, $"{scenario}: no family done");
            Assert.True(report.Value(db, scenario, "lines accepted / waitlisted / refused") > 0, $"{scenario}: no line accepted");
            foreach (var step in new[] { "sign-in (password hash)", "children", "calendar (month, canteen)", "cart: month toggle per child" }.Skip(scenario == "opening-kept" ? 1 : 0))
                Assert.Contains(report.Rows, r => r.Database == db && r.Scenario == scenario && r.Metric == $"{step} p50/p95/p99" && !r.Unit.EndsWith("n=0", StringComparison.Ordinal));
        }

        Assert.Equal(report.Value(db, "opening", "families started"), report.Value(db, "opening", "families done"));
        Assert.Equal(report.Value(db, "opening-kept", "families started"), report.Value(db, "opening-kept", "families done"));
        Assert.True(report.Value(db, "baseline", "carts confirmed (raw SQL)") > 0, "the raw baseline confirmed no cart");
        Assert.Equal(0, report.Value(db, "baseline", "errors"));
        Assert.Equal(0, report.Value(db, "calendar", "errors"));
        Assert.True(report.Value(db, "nightly", "lines transmitted") >= BenchOptions.SmokeDefaults.NightlyLines);
        Assert.Equal(0, report.Value(db, "nightly", "lines left pending"));
        Assert.Contains("\"invariantsHold\": true", report.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_parse_the_documented_flags()
    {
        var options = BenchOptions.Parse(["--db", "postgres", "--children", "1000", "--families", "600", "--parents", "20", "--duration", "5",
            "--opening-families", "50", "--ramp", "3", "--nightly-lines", "1000", "--json", "out.json"]);
        Assert.Equal([BenchDatabase.Postgres], options.Databases);
        Assert.Equal((1000, 600, 20, 50, 1000), (options.Children, options.Families, options.Parents, options.OpeningFamilies, options.NightlyLines));
        Assert.Equal(TimeSpan.FromSeconds(5), options.Duration);
        Assert.Equal("out.json", options.JsonPath);
        Assert.True(BenchOptions.Parse(["--smoke"]).Smoke);
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--children", "10", "--families", "20"]));
    }
}
