using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Bench;

internal sealed record InvariantCheck(bool Holds, long SlotsOverCapacity, long SlotsMiscounted, long DuplicateActiveLines, long LimitedSlots, long AcceptedOnLimited)
{
    public override string ToString() => Holds
        ? $"holds ({AcceptedOnLimited} accepted on {LimitedSlots} limited day slots, none over capacity)"
        : $"VIOLATED: {SlotsOverCapacity} slots over capacity, {SlotsMiscounted} slots whose count differs from accepted lines, {DuplicateActiveLines} duplicate active lines";
}

internal static class Invariant
{
    /// <summary>By SQL, after each scenario: accepted lines never exceed a slot's capacity, each slot counts exactly its accepted lines, one active line per child, activity and day.</summary>
    public static async Task<InvariantCheck> CheckAsync(BenchDb db, CancellationToken ct)
    {
        var slots = db.Table("reservations", "day_slots");
        var bookings = db.Table("reservations", "bookings");
        var accepted = $"(SELECT COUNT(*) FROM {bookings} b WHERE b.\"ActivityId\" = s.\"ActivityId\" AND b.\"Day\" = s.\"Day\" AND b.\"Outcome\" = 'Accepted')";
        var over = await db.ScalarAsync($"SELECT COUNT(*) FROM {slots} s WHERE s.\"Capacity\" IS NOT NULL AND ({accepted} > s.\"Capacity\" OR s.\"Taken\" > s.\"Capacity\" OR s.\"Waitlisted\" > s.\"WaitlistSize\")", ct);
        var miscounted = await db.ScalarAsync($"SELECT COUNT(*) FROM {slots} s WHERE s.\"Taken\" <> {accepted}", ct);
        var duplicates = await db.ScalarAsync($"SELECT COUNT(*) FROM (SELECT \"ChildId\", \"ActivityId\", \"Day\" FROM {bookings} WHERE \"Outcome\" IN ('Accepted', 'Waitlisted') " +
                                              "GROUP BY \"ChildId\", \"ActivityId\", \"Day\" HAVING COUNT(*) > 1) d", ct);
        var limited = await db.ScalarAsync($"SELECT COUNT(*) FROM {slots} s WHERE s.\"Capacity\" IS NOT NULL", ct);
        var acceptedOnLimited = await db.ScalarAsync($"SELECT COALESCE(SUM(s.\"Taken\"), 0) FROM {slots} s WHERE s.\"Capacity\" IS NOT NULL", ct);
        return new InvariantCheck(over == 0 && miscounted == 0 && duplicates == 0, over, miscounted, duplicates, limited, acceptedOnLimited);
    }
}

internal sealed record JourneyRun(StepRecorder Steps, int Started, int Finished, int Failed, TimeSpan Elapsed, Percentiles Journey, TimeSpan LastFinishedAt);

internal static class Rush
{
    /// <summary>N parents, each taking the next family as soon as the previous one confirmed, until the duration is over.</summary>
    public static async Task<JourneyRun> RunAsync(PortalServer server, CityPlan plan, FamilyPool pool, BenchOptions options, CancellationToken ct)
    {
        var steps = new StepRecorder();
        var journeys = new List<double>();
        var (started, finished, failed) = (0, 0, 0);
        var watch = Stopwatch.StartNew();
        var journey = new ParentJourney(server.BaseAddress, plan, steps, options.RequestTimeout);

        async Task Parent()
        {
            while (watch.Elapsed < options.Duration && pool.Take() is { } family)
            {
                Interlocked.Increment(ref started);
                var begun = Stopwatch.GetTimestamp();
                try
                {
                    await journey.RunAsync(family, ct);
                    Interlocked.Increment(ref finished);
                    lock (journeys) journeys.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
                }
                catch (JourneyFailed)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, options.Parents).Select(_ => Task.Run(Parent, ct)));
        var elapsed = watch.Elapsed;
        return new JourneyRun(steps, started, finished, failed, elapsed, Percentiles.From([.. journeys]), elapsed);
    }
}

internal static class OpeningDay
{
    /// <summary>
    /// Open model: distinct families arrive at evenly spread moments over the ramp, whatever the portal's
    /// pace (nobody waits for someone else to finish), and each confirms a month.
    /// </summary>
    /// <remarks>
    /// With <paramref name="keptSignedIn"/>, every family signed in before the opening with « Rester connecté »
    /// (not timed: days before, on their phone) and arrives at the opening already signed in.
    /// </remarks>
    public static async Task<JourneyRun> RunAsync(PortalServer server, CityPlan plan, FamilyPool pool, BenchOptions options, CancellationToken ct, bool keptSignedIn = false)
    {
        var steps = new StepRecorder();
        var journeys = new List<double>();
        var (finished, failed) = (0, 0);
        long lastFinished = 0;
        var journey = new ParentJourney(server.BaseAddress, plan, steps, options.RequestTimeout);
        var families = Enumerable.Range(0, options.OpeningFamilies).Select(_ => pool.Take()).OfType<BenchFamily>().ToList();
        var sessions = new Dictionary<BenchFamily, HttpClient>();
        if (keptSignedIn)
        {
            var before = new ParentJourney(server.BaseAddress, plan, new StepRecorder(), options.RequestTimeout);
            using var gate = new SemaphoreSlim(Environment.ProcessorCount * 2);
            await Task.WhenAll(families.Select(async family =>
            {
                await gate.WaitAsync(ct);
                try
                {
                    var client = await before.SignInAsync(family, ct, keepSignedIn: true);
                    lock (sessions) sessions[family] = client;
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        if (keptSignedIn) Console.Error.WriteLine($"  {sessions.Count} families signed in; the period opens now");
        var watch = Stopwatch.StartNew();

        async Task Arrive(int i, BenchFamily family)
        {
            var at = options.Ramp * ((double)i / Math.Max(1, families.Count));
            var wait = at - watch.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            var begun = Stopwatch.GetTimestamp();
            try
            {
                if (keptSignedIn) await journey.BookAsync(sessions[family], family, ct);
                else await journey.RunAsync(family, ct);
                Interlocked.Increment(ref finished);
                lock (journeys) journeys.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
                InterlockedMax(ref lastFinished, watch.ElapsedTicks);
            }
            catch (JourneyFailed)
            {
                Interlocked.Increment(ref failed);
            }
        }

        await Task.WhenAll(families.Select((f, i) => Task.Run(() => Arrive(i, f), ct)));
        var elapsed = watch.Elapsed;
        foreach (var client in sessions.Values) client.Dispose();
        return new JourneyRun(steps, families.Count, finished, failed, elapsed, Percentiles.From([.. journeys]),
            TimeSpan.FromSeconds((double)Interlocked.Read(ref lastFinished) / Stopwatch.Frequency));
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while ((current = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}

internal sealed record BaselineRun(int Carts, int Lines, int Accepted, int Waitlisted, int Refused, int Errors, TimeSpan Elapsed, Percentiles CartLatency);

/// <summary>
/// The physical limit: the same work as a confirmation — for each line, the active-line check, the
/// conditional update of the day slot (then of its waitlist), the insert of the line — in raw SQL, one
/// transaction per cart, as many concurrent workers as parents, on the same database. No HTTP, no
/// sign-in, no calendar, no cart table, no outbox.
/// </summary>
internal static class Baseline
{
    public static async Task<BaselineRun> RunAsync(BenchDb db, CityPlan plan, FamilyPool pool, BenchOptions options, CancellationToken ct)
    {
        var slots = db.Table("reservations", "day_slots");
        var bookings = db.Table("reservations", "bookings");
        var ensure = db.Kind == BenchDatabase.Postgres
            ? $"INSERT INTO {slots} (\"ActivityId\", \"Day\", \"Capacity\", \"WaitlistSize\", \"Taken\", \"Waitlisted\") VALUES (@p0, @p1, @p2, @p3, 0, 0) ON CONFLICT DO NOTHING"
            : $"INSERT OR IGNORE INTO {slots} (\"ActivityId\", \"Day\", \"Capacity\", \"WaitlistSize\", \"Taken\", \"Waitlisted\") VALUES (@p0, @p1, @p2, @p3, 0, 0)";
        var active = $"SELECT COUNT(*) FROM {bookings} WHERE \"ChildId\" = @p0 AND \"ActivityId\" = @p1 AND \"Day\" = @p2 AND \"Outcome\" IN ('Accepted', 'Waitlisted')";
        var take = $"UPDATE {slots} SET \"Taken\" = \"Taken\" + 1 WHERE \"ActivityId\" = @p0 AND \"Day\" = @p1 AND (\"Capacity\" IS NULL OR \"Taken\" < \"Capacity\")";
        var wait = $"UPDATE {slots} SET \"Waitlisted\" = \"Waitlisted\" + 1 WHERE \"ActivityId\" = @p0 AND \"Day\" = @p1 AND \"Waitlisted\" < \"WaitlistSize\"";
        var insert = $"INSERT INTO {bookings} ({string.Join(", ", DataLoader.BookingColumns.Select(c => $"\"{c.Name}\""))}) " +
                     $"VALUES ({string.Join(", ", DataLoader.BookingColumns.Select((_, i) => $"@p{i}"))})";

        var latencies = new List<double>();
        var (carts, lines, accepted, waitlisted, refused, errors) = (0, 0, 0, 0, 0, 0);
        var watch = Stopwatch.StartNew();

        async Task Worker()
        {
            while (watch.Elapsed < options.Duration && pool.Take() is { } family)
            {
                var begun = Stopwatch.GetTimestamp();
                var canteen = family.School.Canteen;
                try
                {
                    await using var connection = await db.OpenAsync(ct);
                    foreach (var day in plan.CanteenDays)
                    {
                        await using var e = db.Command(connection, ensure, canteen.Id, day, canteen.Capacity, canteen.WaitlistSize);
                        await e.ExecuteNonQueryAsync(ct);
                    }

                    await using var transaction = await connection.BeginTransactionAsync(ct);
                    var now = DateTimeOffset.UtcNow;
                    var confirmation = Guid.CreateVersion7(now);
                    var (a, w, r) = (0, 0, 0);
                    foreach (var child in family.Children)
                    foreach (var day in plan.CanteenDays)
                    {
                        string outcome;
                        string? reason = null;
                        if (await ExecuteScalarAsync(db, connection, transaction, active, ct, child.Id, canteen.Id, day) > 0) (outcome, reason) = ("Refused", "Ce jour est déjà réservé pour cet enfant.");
                        else if (await ExecuteAsync(db, connection, transaction, take, ct, canteen.Id, day) == 1) outcome = "Accepted";
                        else if (await ExecuteAsync(db, connection, transaction, wait, ct, canteen.Id, day) == 1) outcome = "Waitlisted";
                        else (outcome, reason) = ("Refused", "Activité complète et liste d'attente complète.");
                        await ExecuteAsync(db, connection, transaction, insert, ct,
                            Guid.CreateVersion7(now), family.Id, child.Id, canteen.Id, day, outcome, reason, null, null, confirmation, now);
                        _ = outcome switch { "Accepted" => a++, "Waitlisted" => w++, _ => r++ };
                    }

                    await transaction.CommitAsync(ct);
                    Interlocked.Increment(ref carts);
                    Interlocked.Add(ref lines, a + w + r);
                    Interlocked.Add(ref accepted, a);
                    Interlocked.Add(ref waitlisted, w);
                    Interlocked.Add(ref refused, r);
                    lock (latencies) latencies.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
                }
                catch (DbException ex)
                {
                    if (Interlocked.Increment(ref errors) <= 3) Console.Error.WriteLine($"baseline: {ex.Message}");
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, options.Parents).Select(_ => Task.Run(Worker, ct)));
        return new BaselineRun(carts, lines, accepted, waitlisted, refused, errors, watch.Elapsed, Percentiles.From([.. latencies]));
    }

    private static async Task<int> ExecuteAsync(BenchDb db, DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct, params object?[] values)
    {
        await using var command = db.Command(connection, sql, values);
        command.Transaction = transaction;
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ExecuteScalarAsync(BenchDb db, DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct, params object?[] values)
    {
        await using var command = db.Command(connection, sql, values);
        command.Transaction = transaction;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}

internal sealed record CalendarRun(Percentiles OneActivity, Percentiles AllActivities, int Activities, int Errors, long BookingsInDatabase);

internal static class CalendarScenario
{
    /// <summary>One signed-in parent, one child with bookings, the month calendar asked again and again (nothing else running).</summary>
    public static async Task<CalendarRun> RunAsync(PortalServer server, BenchDb db, CityPlan plan, BenchFamily family, BenchOptions options, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true };
        using var client = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = options.RequestTimeout };
        (await client.PostAsJsonAsync("/api/v1/auth/login", new { identifier = family.Identifier, password = CityPlan.Password }, ct)).EnsureSuccessStatusCode();
        var (year, month) = plan.RushMonth;
        var child = family.Children[0].Id;
        var errors = 0;

        async Task<Percentiles> Measure(string query)
        {
            var times = new List<double>();
            for (var i = 0; i < options.CalendarSamples + 5; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(query, ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                if (response.StatusCode != HttpStatusCode.OK) errors++;
                if (i >= 5) times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds); // the first few warm up
            }

            return Percentiles.From([.. times]);
        }

        var one = await Measure(string.Create(CultureInfo.InvariantCulture, $"/api/v1/reservations/calendar?childId={child}&activityId={family.School.Canteen.Id}&year={year}&month={month}"));
        var all = await Measure(string.Create(CultureInfo.InvariantCulture, $"/api/v1/reservations/calendar?childId={child}&year={year}&month={month}"));
        var total = await db.ScalarAsync($"SELECT COUNT(*) FROM {db.Table("reservations", "bookings")}", ct);
        return new CalendarRun(one, all, plan.Activities.Count, errors, total);
    }
}

internal sealed record NightlyRun(long Pending, int Families, int Lines, TimeSpan Elapsed, long PeakWorkingSet, long WorkingSetBefore, long PeakManagedHeap, long LeftPending, long TransmittedRows);

internal static class Nightly
{
    /// <summary>The Worker's nightly command (TransmitPendingLines) run through the Host's mediator, with the process memory sampled every 50 ms.</summary>
    public static async Task<NightlyRun> RunAsync(PortalServer server, BenchDb db, CancellationToken ct)
    {
        var bookings = db.Table("reservations", "bookings");
        var pending = await db.ScalarAsync($"SELECT COUNT(*) FROM {bookings} WHERE \"TransmittedAt\" IS NULL", ct);
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        long peak = before, peakHeap = GC.GetTotalMemory(false);
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                try { await Task.Delay(50, stop.Token); } catch (OperationCanceledException) { }
            }
        }, CancellationToken.None);

        var watch = Stopwatch.StartNew();
        TransmissionRun run;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            run = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new TransmitPendingLines(), ct);
        }

        var elapsed = watch.Elapsed;
        await stop.CancelAsync();
        await sampler;
        var left = await db.ScalarAsync($"SELECT COUNT(*) FROM {bookings} WHERE \"TransmittedAt\" IS NULL", ct);
        var transmitted = await db.ScalarAsync($"SELECT COUNT(*) FROM {bookings} WHERE \"TransmittedAt\" IS NOT NULL", ct);
        return new NightlyRun(pending, run.Families, run.Lines, elapsed, peak, before, peakHeap, left, transmitted);
    }
}

internal static class SignedInRush
{
    /// <summary>
    /// The booking part alone: <c>Parents × 4</c> families sign in first (not timed), then the same
    /// number of concurrent parents run calendar → cart → summary → confirm for all of them. Compared
    /// with the raw baseline, this is the portal's overhead on the booking itself, without the password hash.
    /// </summary>
    public static async Task<JourneyRun> RunAsync(PortalServer server, CityPlan plan, FamilyPool pool, BenchOptions options, CancellationToken ct)
    {
        var steps = new StepRecorder();
        var journey = new ParentJourney(server.BaseAddress, plan, steps, options.RequestTimeout);
        var signIn = new ParentJourney(server.BaseAddress, plan, new StepRecorder(), options.RequestTimeout);
        var families = Enumerable.Range(0, options.Parents * 4).Select(_ => pool.Take()).OfType<BenchFamily>().ToList();
        var sessions = new (BenchFamily Family, HttpClient Client)?[families.Count];
        using (var gate = new SemaphoreSlim(options.Parents))
        {
            await Task.WhenAll(families.Select(async (family, i) =>
            {
                await gate.WaitAsync(ct);
                try { sessions[i] = (family, await signIn.SignInAsync(family, ct)); }
                catch (JourneyFailed) { }
                finally { gate.Release(); }
            }));
        }

        var queue = new System.Collections.Concurrent.ConcurrentQueue<(BenchFamily Family, HttpClient Client)>(sessions.OfType<(BenchFamily, HttpClient)>());
        var journeys = new List<double>();
        var (finished, failed) = (0, 0);
        var started = queue.Count;
        var watch = Stopwatch.StartNew();

        async Task Parent()
        {
            while (queue.TryDequeue(out var session))
            {
                var begun = Stopwatch.GetTimestamp();
                try
                {
                    await journey.BookAsync(session.Client, session.Family, ct);
                    Interlocked.Increment(ref finished);
                    lock (journeys) journeys.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
                }
                catch (JourneyFailed)
                {
                    Interlocked.Increment(ref failed);
                }
                finally
                {
                    session.Client.Dispose();
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, options.Parents).Select(_ => Task.Run(Parent, ct)));
        var elapsed = watch.Elapsed;
        return new JourneyRun(steps, started, finished, failed, elapsed, Percentiles.From([.. journeys]), elapsed);
    }
}
