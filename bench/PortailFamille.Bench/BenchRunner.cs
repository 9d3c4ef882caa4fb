using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PortailFamille.Bench;

/// <summary>Runs every scenario on each database asked for; the smoke test calls this directly.</summary>
public static class BenchRunner
{
    public static async Task<BenchReport> RunAsync(BenchOptions options, TextWriter log, CancellationToken ct = default)
    {
        var report = new BenchReport();
        report.Options["databases"] = string.Join(",", options.Databases);
        report.Options["children"] = options.Children;
        report.Options["families"] = options.Families;
        report.Options["schools"] = options.Schools;
        report.Options["parents"] = options.Parents;
        report.Options["durationSeconds"] = options.Duration.TotalSeconds;
        report.Options["openingFamilies"] = options.OpeningFamilies;
        report.Options["rampSeconds"] = options.Ramp.TotalSeconds;
        report.Options["nightlyLines"] = options.NightlyLines;
        report.Options["calendarSamples"] = options.CalendarSamples;
        report.Options["smoke"] = options.Smoke;
        report.Notes.Add(PortalServer.RateLimitNote);
        report.Notes.Add("Host: Production environment, logs at Warning to stderr, no Worker process (events wait in the durable queue); load generator in the same process on the same 2 cores");

        PostgresCluster? cluster = null;
        try
        {
            foreach (var database in options.Databases)
            {
                BenchDb db;
                if (database == BenchDatabase.Sqlite)
                {
                    var directory = Path.Combine(Path.GetTempPath(), "pf-bench-" + Guid.NewGuid().ToString("N")[..8]);
                    Directory.CreateDirectory(directory);
                    db = new SqliteBenchDb(new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "portail.db"), DefaultTimeout = 30, Pooling = true }.ToString());
                    report.Notes.Add($"sqlite: file {Path.Combine(directory, "portail.db")} (WAL, as the Host configures it)");
                }
                else
                {
                    cluster ??= PostgresCluster.Start(options.PostgresAdmin);
                    db = new PostgresBenchDb(await cluster.CreateDatabaseAsync("pf_bench"));
                    report.Notes.Add($"postgres: {cluster.Settings}");
                }

                try
                {
                    if (options.RunsCity) await RunOnAsync(db, options, report, log, ct);
                    if (options.RunsAdversarial)
                        await AdversarialScenario.RunAsync(database, async () => await (cluster ??= PostgresCluster.Start(options.PostgresAdmin)).CreateDatabaseAsync("pf_adv"), options, report, log, ct);
                }
                finally
                {
                    SqliteConnection.ClearAllPools();
                    NpgsqlConnection.ClearAllPools();
                }
            }
        }
        finally
        {
            if (cluster is not null) await cluster.DisposeAsync();
        }

        return report;
    }

    private static async Task RunOnAsync(BenchDb db, BenchOptions options, BenchReport report, TextWriter log, CancellationToken ct)
    {
        var name = db.Kind.ToString().ToLowerInvariant();
        var plan = new CityPlan(options, TimeProvider.System);
        var pool = new FamilyPool(plan.Families);
        var mails = Path.Combine(Path.GetTempPath(), "pf-bench-mails-" + Guid.NewGuid().ToString("N")[..8]);

        log.WriteLine($"[{name}] starting the Host (migrations)…");
        var server = PortalServer.Start(db, mails);
        try
        {
            log.WriteLine($"[{name}] generating {options.Children} children, {options.Families} families, {options.Schools} schools, {options.NightlyLines} pending lines…");
            var load = await DataLoader.LoadAsync(db, plan, options.NightlyLines, ct);
            report.Add(name, "data", "generation (bulk insert)", load.Elapsed.TotalSeconds, "s");
            report.Add(name, "data", "families / children / activities", load.Accounts, $"{load.Children} children, {load.Activities} activities");
            report.Add(name, "data", "pending lines loaded", load.NightlyLines, "lines");
            var hashCost = PasswordCheckCost();
            report.Add(name, "data", "password check (PBKDF2), alone on one core", hashCost,
                $"ms: sign-ins cannot exceed {Environment.ProcessorCount * 1000 / hashCost:0}/s on {Environment.ProcessorCount} cores");
            report.Add(name, "data", "canteen days per month booked", plan.CanteenDays.Count, $"days of {plan.RushMonth.Year}-{plan.RushMonth.Month:00}");

            async Task Check(string after)
            {
                var check = await Invariant.CheckAsync(db, ct);
                report.Invariants.Add(new BenchInvariant(name, after, check.Holds, check.ToString()));
                log.WriteLine($"[{name}] invariant after {after}: {check}");
            }

            // Warm-up (not measured): JIT, connection pools, Wolverine's first envelopes.
            var warmUp = new ParentJourney(server.BaseAddress, plan, new StepRecorder(), options.RequestTimeout);
            await Task.WhenAll(Enumerable.Range(0, Math.Min(8, options.Parents)).Select(async _ =>
            {
                if (pool.Take() is { } family)
                {
                    try { await warmUp.RunAsync(family, ct); }
                    catch (JourneyFailed ex) { log.WriteLine($"[{name}] warm-up: {ex.Message}"); }
                }
            }));

            double rushRate = double.NaN;
            if (options.Runs("rush"))
            {
                log.WriteLine($"[{name}] rush: {options.Parents} parents for {options.Duration.TotalSeconds:0} s…");
                var rush = await Rush.RunAsync(server, plan, pool, options, ct);
                rushRate = (rush.Finished - rush.Steps.Counter(ParentJourney.NothingBookable)) / rush.Elapsed.TotalSeconds;
                AddJourney(report, name, "rush", rush);
                report.Add(name, "rush", "confirmations/s", rushRate, "carts/s");
                report.Add(name, "rush", "lines confirmed/s", (rush.Steps.Counter("lines Accepted") + rush.Steps.Counter("lines Waitlisted") + rush.Steps.Counter("lines Refused")) / rush.Elapsed.TotalSeconds, "lines/s");
                await Check("rush");
            }

            double bookingRate = double.NaN;
            if (options.Runs("booking"))
            {
                log.WriteLine($"[{name}] signed-in rush: {options.Parents * 4} families signed in first, then {options.Parents} parents book…");
                var booking = await SignedInRush.RunAsync(server, plan, pool, options, ct);
                bookingRate = (booking.Finished - booking.Steps.Counter(ParentJourney.NothingBookable)) / booking.Elapsed.TotalSeconds;
                AddJourney(report, name, "booking", booking);
                report.Add(name, "booking", "confirmations/s (signed in)", bookingRate, "carts/s");
                await Check("booking");
            }

            if (options.Runs("opening"))
            {
                log.WriteLine($"[{name}] opening: {options.OpeningFamilies} families over {options.Ramp.TotalSeconds:0} s…");
                var opening = await OpeningDay.RunAsync(server, plan, pool, options, ct);
                AddJourney(report, name, "opening", opening);
                report.Add(name, "opening", "last family done at (from opening)", opening.LastFinishedAt.TotalSeconds, "s");
                report.Add(name, "opening", "longest journey (the last one waited)", opening.Journey.Max / 1000, "s");
                report.Add(name, "opening", "sign-ins told to retry (503, then retried)", opening.Steps.Counter(ParentJourney.ToldToRetry), "");
                await Check("opening");
            }

            if (options.Runs("opening-kept"))
            {
                log.WriteLine($"[{name}] opening, kept signed in: {options.OpeningFamilies} families signed in before (« Rester connecté »), arriving over {options.Ramp.TotalSeconds:0} s…");
                var kept = await OpeningDay.RunAsync(server, plan, pool, options, ct, keptSignedIn: true);
                AddJourney(report, name, "opening-kept", kept);
                report.Add(name, "opening-kept", "last family done at (from opening)", kept.LastFinishedAt.TotalSeconds, "s");
                report.Add(name, "opening-kept", "longest journey (the last one waited)", kept.Journey.Max / 1000, "s");
                await Check("opening-kept");
            }

            if (options.Runs("baseline"))
            {
                log.WriteLine($"[{name}] raw SQL baseline: {options.Parents} workers for {options.Duration.TotalSeconds:0} s…");
                var baseline = await Baseline.RunAsync(db, plan, pool, options, ct);
                var rate = baseline.Carts / baseline.Elapsed.TotalSeconds;
                report.Add(name, "baseline", "carts confirmed (raw SQL)", baseline.Carts, "carts");
                report.Add(name, "baseline", "confirmations/s (raw SQL)", rate, "carts/s");
                report.Add(name, "baseline", "lines/s (raw SQL)", baseline.Lines / baseline.Elapsed.TotalSeconds, "lines/s");
                report.Add(name, "baseline", "lines accepted / waitlisted / refused", baseline.Accepted, $"{baseline.Waitlisted} waitlisted, {baseline.Refused} refused");
                report.Add(name, "baseline", "cart transaction p50", baseline.CartLatency.P50, "ms");
                report.Add(name, "baseline", "cart transaction p95", baseline.CartLatency.P95, "ms");
                report.Add(name, "baseline", "errors", baseline.Errors, "");
                if (!double.IsNaN(rushRate) && rate > 0) report.Add(name, "baseline", "ratio portal rush (with sign-in) / raw baseline", 100 * rushRate / rate, "%");
                if (!double.IsNaN(bookingRate) && rate > 0) report.Add(name, "baseline", "ratio portal booking (signed in) / raw baseline", 100 * bookingRate / rate, "%");
                await Check("baseline");
            }

            if (options.Runs("calendar"))
            {
                log.WriteLine($"[{name}] calendar of one child, {options.CalendarSamples} requests each…");
                var family = plan.Families[0]; // the rush's first family: it has bookings
                var calendar = await CalendarScenario.RunAsync(server, db, plan, family, options, ct);
                report.Add(name, "calendar", "one activity (canteen) p50", calendar.OneActivity.P50, "ms");
                report.Add(name, "calendar", "one activity (canteen) p95", calendar.OneActivity.P95, "ms");
                report.Add(name, "calendar", $"all {calendar.Activities} activities p50", calendar.AllActivities.P50, "ms");
                report.Add(name, "calendar", $"all {calendar.Activities} activities p95", calendar.AllActivities.P95, "ms");
                report.Add(name, "calendar", "bookings in the database", calendar.BookingsInDatabase, "lines");
                report.Add(name, "calendar", "errors", calendar.Errors, "");
            }

            if (options.Runs("nightly"))
            {
                log.WriteLine($"[{name}] nightly transmission…");
                var nightly = await Nightly.RunAsync(server, db, ct);
                report.Add(name, "nightly", "pending lines before", nightly.Pending, "lines");
                report.Add(name, "nightly", "lines transmitted", nightly.Lines, $"lines of {nightly.Families} families");
                report.Add(name, "nightly", "duration", nightly.Elapsed.TotalSeconds, "s");
                report.Add(name, "nightly", "lines/s", nightly.Lines / nightly.Elapsed.TotalSeconds, "lines/s");
                report.Add(name, "nightly", "peak working set (whole process)", nightly.PeakWorkingSet / 1048576.0, $"MiB (before: {nightly.WorkingSetBefore / 1048576} MiB)");
                report.Add(name, "nightly", "peak managed heap", nightly.PeakManagedHeap / 1048576.0, "MiB");
                report.Add(name, "nightly", "lines left pending", nightly.LeftPending, "lines");
                var once = nightly.LeftPending == 0 && nightly.TransmittedRows == nightly.Lines && nightly.Lines == nightly.Pending;
                report.Invariants.Add(new BenchInvariant(name, "nightly", once,
                    once ? $"every pending line transmitted once ({nightly.Lines})" : $"VIOLATED: {nightly.Pending} pending, {nightly.Lines} reported, {nightly.TransmittedRows} marked, {nightly.LeftPending} left"));
                await Check("nightly");
            }
        }
        finally
        {
            var stopping = Stopwatch.StartNew();
            await server.DisposeAsync();
            log.WriteLine($"[{name}] Host stopped in {stopping.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
            try { Directory.Delete(mails, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>CPU cost of one password check (the Host's hasher: ASP.NET Core Identity's PasswordHasher), measured alone.</summary>
    private static double PasswordCheckCost()
    {
        var hasher = new Microsoft.AspNetCore.Identity.PasswordHasher<object>();
        var hash = hasher.HashPassword(new object(), CityPlan.Password);
        hasher.VerifyHashedPassword(new object(), hash, CityPlan.Password);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++) hasher.VerifyHashedPassword(new object(), hash, CityPlan.Password);
        return watch.Elapsed.TotalMilliseconds / 10;
    }

    private static void AddJourney(BenchReport report, string name, string scenario, JourneyRun run)
    {
        report.Add(name, scenario, "families started", run.Started, "");
        report.Add(name, scenario, "families done", run.Finished, "confirmed, or told the canteen is full");
        report.Add(name, scenario, "families failed (5xx, timeout, unexpected answer)", run.Failed, "");
        report.Add(name, scenario, "elapsed", run.Elapsed.TotalSeconds, "s");
        foreach (var step in new[] { ParentJourney.SignIn, ParentJourney.Children, ParentJourney.Calendar, ParentJourney.Cart, ParentJourney.Summary, ParentJourney.Confirm })
        {
            var p = run.Steps.Of(step);
            report.Add(name, scenario, $"{step} p50/p95/p99", p.P50, $"ms p50; p95 {p.P95:0} ms; p99 {p.P99:0} ms; n={p.Count}");
        }

        report.Add(name, scenario, "journey p50", run.Journey.P50, $"ms; p95 {run.Journey.P95:0} ms");
        report.Add(name, scenario, "lines accepted / waitlisted / refused", run.Steps.Counter("lines Accepted"),
            $"{run.Steps.Counter("lines Waitlisted")} waitlisted, {run.Steps.Counter("lines Refused")} refused");
        report.Add(name, scenario, "families finding nothing bookable (full)", run.Steps.Counter(ParentJourney.NothingBookable), "canteen and waitlist full: no cart");
        report.Add(name, scenario, "confirm conflicts retried (409)", run.Steps.Counter("confirm conflicts (409, retried)"), "");
        report.Add(name, scenario, "errors", run.Steps.Errors, string.Join("; ", run.Steps.ErrorSamples.Take(3)));
    }
}
