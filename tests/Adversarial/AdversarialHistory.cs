using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortailFamille.BuildingBlocks.Demo;
using PortailFamille.BuildingBlocks.Time;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Features;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Adversarial;

/// <summary>What a run does: how many actors, for how long, from which seed.</summary>
public sealed record HistoryOptions
{
    /// <summary>Drives every actor's choices (each actor has its own generator from it): the same seed replays the same operations.</summary>
    public int Seed { get; init; } = Environment.TickCount;
    public int Families { get; init; } = 6;
    public int SessionsPerFamily { get; init; } = 2;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(40);
    /// <summary>Upper bound on the operations of one actor, whatever the duration.</summary>
    public int MaxOperationsPerActor { get; init; } = 400;
    /// <summary>Mean time between two Worker kills (SIGKILL, then a new Worker); null: no kill.</summary>
    public TimeSpan? KillEvery { get; init; } = TimeSpan.FromSeconds(8);
    /// <summary>How long the Workers have, once back, to handle every event (stale-node timeout included).</summary>
    public TimeSpan Quiescence { get; init; } = TimeSpan.FromSeconds(90);
    public string WebhookSecret { get; init; } = "whsec_test_portail_famille_local";

    /// <summary>ADVERSARIAL_SEED, ADVERSARIAL_SECONDS, ADVERSARIAL_FAMILIES, ADVERSARIAL_SESSIONS, ADVERSARIAL_KILL_EVERY (seconds, 0: no kill) override the defaults (to replay or scale a run).</summary>
    public HistoryOptions FromEnvironment()
    {
        static int? Read(string name) => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
        return this with
        {
            Seed = Read("ADVERSARIAL_SEED") ?? Seed,
            Duration = Read("ADVERSARIAL_SECONDS") is { } s ? TimeSpan.FromSeconds(s) : Duration,
            Families = Read("ADVERSARIAL_FAMILIES") ?? Families,
            SessionsPerFamily = Read("ADVERSARIAL_SESSIONS") ?? SessionsPerFamily,
            KillEvery = Read("ADVERSARIAL_KILL_EVERY") is { } k ? (k > 0 ? TimeSpan.FromSeconds(k) : null) : KillEvery,
        };
    }
}

/// <summary>The portal the history runs against: its Host (services and HTTP clients) and, when it has them, real Worker processes.</summary>
public interface IAdversarialPortal
{
    /// <summary>The Host's services (one database for every module).</summary>
    IServiceProvider Services { get; }

    /// <summary>A new browser-like client of the Host (its own cookies), not signed in.</summary>
    HttpClient NewClient();

    /// <summary>Real Worker processes, killed at random during the run; null when the Worker runs in process.</summary>
    WorkerFleet? Workers { get; }
}

/// <summary>One line of the history: who did what, when, and what the portal answered.</summary>
public sealed record HistoryLine(long AtMs, string Actor, string Operation, int Status, string Note)
{
    public override string ToString() => $"{AtMs,7} ms  {Actor,-14} {Operation,-46} → {Status} {Note}";
}

public sealed record HistoryResult(int Seed, TimeSpan Duration, int Operations, int Kills, IReadOnlyList<string> Violations, IReadOnlyList<HistoryLine> History)
{
    public double OperationsPerSecond => Operations / Math.Max(Duration.TotalSeconds, 0.001);

    /// <summary>The seed, the figures and every violation; the whole history when something broke.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"adversarial history: seed {Seed}, {Operations} operations in {Duration.TotalSeconds:F1} s ({OperationsPerSecond:F1}/s), {Kills} Worker kills, {Violations.Count} violations");
        text.AppendLine(CultureInfo.InvariantCulture, $"replay: ADVERSARIAL_SEED={Seed}");
        foreach (var violation in Violations) text.AppendLine(CultureInfo.InvariantCulture, $"VIOLATION {violation}");
        if (Violations.Count > 0)
            foreach (var line in History) text.AppendLine(line.ToString());
        return text.ToString();
    }
}

/// <summary>
/// A randomized adversarial history: families with several sessions each and three staff members do random book / cancel /
/// toggle / copy / remove / confirm (double clicks included) / abandon / card payment with duplicated, concurrent and
/// forged webhook deliveries / capacity change / closure / attendance / promotion / transmission / régie payment, all through
/// the real HTTP API, for a bounded time, while Workers are killed and replaced. Then, once the Workers are back and idle,
/// every invariant is checked in the database (<see cref="Invariants"/>). Every answer the portal gives must be one it
/// documents: a 5xx or an unexpected status is a violation too.
/// </summary>
public sealed class AdversarialHistory(IAdversarialPortal portal, HistoryOptions options, Action<string> log)
{
    private static readonly Guid Edu = DemoCatalog.Education.Id;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentQueue<HistoryLine> _history = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentBag<(Guid PaymentId, bool Genuine)> _deliveries = [];
    private readonly Stopwatch _clock = new();
    private int _operations;

    private sealed record Setting(Guid Canteen, Guid Evening, IReadOnlyList<DateOnly> Days, IReadOnlyList<Guid> PastBookings, IReadOnlyList<DemoCatalog.DemoFamily> Families);

    public async Task<HistoryResult> RunAsync(CancellationToken ct = default)
    {
        var setting = await PrepareAsync(ct);
        log($"adversarial history: seed {options.Seed}, {setting.Families.Count} families × {options.SessionsPerFamily} sessions + 3 staff, {options.Duration.TotalSeconds:F0} s, days {setting.Days[0]:yyyy-MM-dd}…{setting.Days[^1]:yyyy-MM-dd}");
        var actors = new List<Func<Task>>();
        var index = 0;
        foreach (var family in setting.Families)
            for (var s = 0; s < options.SessionsPerFamily; s++)
            {
                var client = await SignInAsync(family.Identifier, DemoCatalog.FamilyPassword);
                var random = new Random(HashCode.Combine(options.Seed, index++));
                var name = $"{family.Identifier}#{s + 1}";
                actors.Add(() => FamilyLoopAsync(name, family, client, random, setting, ct));
            }

        foreach (var staff in new[] { "agent.education", "admin", "regie" })
        {
            var client = await SignInAsync(staff, DemoCatalog.StaffPassword);
            var random = new Random(HashCode.Combine(options.Seed, index++));
            actors.Add(() => StaffLoopAsync(staff, client, random, setting, ct));
        }

        using var chaosStop = new CancellationTokenSource();
        _clock.Start();
        var deadline = _clock.Elapsed + options.Duration;
        _deadline = deadline;
        var chaos = ChaosAsync(new Random(HashCode.Combine(options.Seed, -1)), chaosStop.Token);
        await Task.WhenAll(actors.Select(a => Task.Run(a, ct)));
        await chaosStop.CancelAsync();
        await chaos;
        var duration = _clock.Elapsed;

        // The Workers are back: every event must now be handled, within the stale-node timeout and a margin.
        if (portal.Workers is { } fleet) await fleet.EnsureRunningAsync();
        await WaitForQuiescenceAsync(ct);
        foreach (var violation in await Invariants.CheckAsync(portal.Services, _deliveries.ToList(), ct)) _violations.Enqueue(violation);

        var result = new HistoryResult(options.Seed, duration, _operations, portal.Workers?.Kills ?? 0, [.. _violations], [.. _history.OrderBy(h => h.AtMs)]);
        log(result.Describe());
        return result;
    }

    private TimeSpan _deadline;

    private bool Going(int done) => _clock.Elapsed < _deadline && done < options.MaxOperationsPerActor;

    // ---------- set-up ----------

    private async Task<Setting> PrepareAsync(CancellationToken ct)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var db = scope.ServiceProvider.GetRequiredService<ReservationsDbContext>();
        var activities = await sender.Send(new ListActivities(Edu), ct);
        var canteen = activities.Single(a => a.Code == "RESTAURATION").Id;
        var evening = activities.Single(a => a.Code == "ACCUEIL_SOIR").Id;

        // Six canteen days of the open demo period, with few places: families fight for them.
        var period = (await sender.Send(new ListBookingPeriods(Edu), ct)).Single(p => p.Name.Contains("démonstration", StringComparison.Ordinal));
        var days = new List<DateOnly>();
        for (var d = TimeProvider.System.TodayInParis().AddDays(4); d <= period.EndsOn && days.Count < 6; d = d.AddDays(1))
            if (d.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Tuesday or DayOfWeek.Thursday or DayOfWeek.Friday) days.Add(d);
        var canteenActivity = await db.Activities.SingleAsync(a => a.Id == canteen, ct);
        var eveningActivity = await db.Activities.SingleAsync(a => a.Id == evening, ct);
        await DaySlots.EnsureAsync(db, days.SelectMany(d => new[] { (canteenActivity, d), (eveningActivity, d) }), ct);
        await db.DaySlots.Where(s => (s.ActivityId == canteen || s.ActivityId == evening) && days.Contains(s.Day))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Capacity, 3).SetProperty(x => x.WaitlistSize, 2), ct);

        var families = DemoCatalog.Families.Where(f => f.StructureIndex == 0 && f.Number != 25 && !f.MustChangePassword)
            .Take(options.Families).ToList();

        // Days already past, booked and accepted, for the agents' attendance marks (slot counters kept equal to their lines).
        var past = new List<Guid>();
        var yesterday = TimeProvider.System.TodayInParis().AddDays(-1);
        await DaySlots.EnsureAsync(db, [(canteenActivity, yesterday)], ct);
        var children = families.Select(f => f.Children[0].Id).ToList();
        var existing = await db.Bookings.Where(b => b.ActivityId == canteen && b.Day == yesterday && children.Contains(b.ChildId) && b.Outcome == LineOutcome.Accepted)
            .ToDictionaryAsync(b => b.ChildId, b => b.Id, ct); // an earlier history on this database made them already
        foreach (var family in families)
        {
            if (existing.TryGetValue(family.Children[0].Id, out var id))
            {
                past.Add(id);
                continue;
            }

            var booking = Reservations.Domain.Booking.Record(family.Id, family.Children[0].Id, canteen, yesterday, LineOutcome.Accepted, null, null, null,
                Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(-10));
            db.Bookings.Add(booking);
            past.Add(booking.Id);
        }

        await db.SaveChangesAsync(ct);
        var taken = await db.Bookings.CountAsync(b => b.ActivityId == canteen && b.Day == yesterday && b.Outcome == LineOutcome.Accepted, ct);
        await db.DaySlots.Where(s => s.ActivityId == canteen && s.Day == yesterday)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, taken).SetProperty(x => x.Capacity, (int?)null), ct);
        return new Setting(canteen, evening, days, past, families);
    }

    private async Task<HttpClient> SignInAsync(string identifier, string password)
    {
        var client = portal.NewClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { identifier, password });
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"{identifier} could not sign in: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    // ---------- actors ----------

    private async Task FamilyLoopAsync(string actor, DemoCatalog.DemoFamily family, HttpClient client, Random random, Setting setting, CancellationToken ct)
    {
        for (var done = 0; Going(done); done++)
        {
            var child = family.Children[random.Next(family.Children.Count)];
            var evening = random.Next(3) == 0;
            var activity = evening ? setting.Evening : setting.Canteen;
            var departure = evening ? "17:30" : null;
            var roll = random.Next(100);
            if (roll < 30)
            {
                var day = setting.Days[random.Next(setting.Days.Count)];
                await CallAsync(actor, $"toggle {child.FirstName} {(evening ? "soir" : "cantine")} {day:dd/MM}", [200, 409],
                    () => client.PostAsJsonAsync("/api/v1/reservations/cart/days", new { childId = child.Id, activityId = activity, days = new[] { day }, scope = "EachDay", departure }, Json, ct));
            }
            else if (roll < 40)
            {
                var start = random.Next(setting.Days.Count - 2);
                await CallAsync(actor, $"toggle-all {child.FirstName} from {setting.Days[start]:dd/MM}", [200, 409],
                    () => client.PostAsJsonAsync("/api/v1/reservations/cart/days", new { childId = child.Id, activityId = activity, days = setting.Days.Skip(start).Take(3), scope = "AllLikeTheFirst", departure }, Json, ct));
            }
            else if (roll < 46)
            {
                var to = family.Children[random.Next(family.Children.Count)];
                var toActivity = to.Id == child.Id ? (evening ? setting.Canteen : setting.Evening) : activity;
                await CallAsync(actor, $"copy {child.FirstName}→{to.FirstName}", [200, 400, 409],
                    () => client.PostAsJsonAsync("/api/v1/reservations/cart/copy", new { fromChildId = child.Id, fromActivityId = activity, toChildId = to.Id, toActivityId = toActivity }, Json, ct));
            }
            else if (roll < 52)
            {
                var summary = await client.GetFromJsonAsync<JsonElement>("/api/v1/reservations/cart/summary", ct);
                var lines = summary.GetProperty("bookings").EnumerateArray().Concat(summary.GetProperty("cancellations").EnumerateArray()).ToList();
                if (lines.Count == 0) continue;
                var item = lines[random.Next(lines.Count)].GetProperty("itemId").GetGuid();
                await CallAsync(actor, "remove-line", [204, 404], () => client.DeleteAsync($"/api/v1/reservations/cart/items/{item}", ct));
            }
            else if (roll < 75)
            {
                // « Valider »: sometimes a double click (two posts at once from the same session).
                var clicks = random.Next(4) == 0 ? 2 : 1;
                await Task.WhenAll(Enumerable.Range(0, clicks).Select(_ =>
                    CallAsync(actor, clicks == 2 ? "confirm (double click)" : "confirm", [200, 400, 403, 409], () => client.PostAsync("/api/v1/reservations/cart/confirm", null, ct))));
            }
            else if (roll < 79)
            {
                await CallAsync(actor, "abandon", [200, 204], () => client.DeleteAsync("/api/v1/reservations/cart", ct));
            }
            else if (roll < 88)
            {
                await PayByCardAsync(actor, client, random, ct);
            }
            else
            {
                await CallAsync(actor, "balance", [200], () => client.GetAsync("/api/v1/balance", ct));
            }
        }
    }

    private async Task StaffLoopAsync(string actor, HttpClient client, Random random, Setting setting, CancellationToken ct)
    {
        for (var done = 0; Going(done); done++)
        {
            await Task.Delay(random.Next(20, 120), ct); // staff click less often than a crowd of parents
            var day = setting.Days[random.Next(setting.Days.Count)];
            if (actor == "regie")
            {
                var family = setting.Families[random.Next(setting.Families.Count)];
                var roll = random.Next(10);
                var (familyId, wallet, expected) = roll switch
                {
                    0 => (Guid.NewGuid(), "RESTAURATION", new[] { 404 }),           // a family that does not exist
                    1 => (family.Id, "X' OR 1=1--", new[] { 400 }),                  // a wallet the structure does not have
                    _ => (family.Id, random.Next(2) == 0 ? "RESTAURATION" : "PERISCOLAIRE", new[] { 201 }),
                };
                var amount = Math.Round(5m + random.Next(0, 2000) / 100m, 2);
                await CallAsync(actor, $"cashier {wallet} {amount.ToString(CultureInfo.InvariantCulture)}", expected,
                    () => client.PostAsJsonAsync("/api/v1/staff/cashier/payments", new
                    {
                        familyAccountId = familyId, walletCode = wallet, mode = "Cheque", amount, receivedOn = TimeProvider.System.TodayInParis(),
                        pieceNumber = $"{random.Next(100000, 999999)}", payerName = "Payeur Test", bankName = "LBP",
                    }, Json, ct));
                continue;
            }

            var op = random.Next(100);
            if (op < 20)
            {
                int? capacity = random.Next(1, 6);
                var waitlist = random.Next(0, 3);
                await CallAsync(actor, $"capacity {capacity}/{waitlist}", [204, 409],
                    () => client.PutAsJsonAsync($"/api/v1/staff/activities/{(random.Next(2) == 0 ? setting.Canteen : setting.Evening)}/capacity", new { capacity, waitlistSize = waitlist }, Json, ct));
            }
            else if (op < 30)
            {
                await CallAsync(actor, $"closure {day:dd/MM}", [204, 409],
                    () => client.PostAsJsonAsync("/api/v1/staff/closures", new { structureId = Edu, day, kind = (string?)null, reason = "Grève" }, Json, ct));
            }
            else if (op < 65)
            {
                var booking = setting.PastBookings[random.Next(setting.PastBookings.Count)];
                var mark = new[] { "Present", "Absent", "Excused" }[random.Next(3)];
                // Two agents (or a double click) point the same child at once, now and then.
                var clicks = random.Next(3) == 0 ? 2 : 1;
                await Task.WhenAll(Enumerable.Range(0, clicks).Select(_ => CallAsync(actor, $"attendance {mark}", [204, 409],
                    () => client.PostAsJsonAsync($"/api/v1/staff/bookings/{booking}/attendance", new { attendance = mark }, Json, ct))));
            }
            else if (op < 90)
            {
                var activity = random.Next(2) == 0 ? setting.Canteen : setting.Evening;
                var sheet = await client.GetAsync($"/api/v1/staff/day-sheet?activityId={activity}&day={day:yyyy-MM-dd}", ct);
                Record(actor, $"day-sheet {day:dd/MM}", (int)sheet.StatusCode, "", [200]);
                if (sheet.StatusCode != HttpStatusCode.OK) continue;
                var waitlist = (await sheet.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("waitlist").EnumerateArray().ToList();
                if (waitlist.Count == 0) continue;
                var id = waitlist[random.Next(waitlist.Count)].GetProperty("bookingId").GetGuid();
                await CallAsync(actor, "promote", [204, 404, 409], () => client.PostAsync($"/api/v1/staff/bookings/{id}/promote", null, ct));
            }
            else
            {
                await CallAsync(actor, "transmission", [200], () => client.PostAsync("/api/v1/staff/transmission", null, ct));
            }
        }
    }

    /// <summary>A card payment, then its provider events: the genuine one delivered once to thrice at once, sometimes a forged amount or currency.</summary>
    private async Task PayByCardAsync(string actor, HttpClient client, Random random, CancellationToken ct)
    {
        var amount = Math.Round(1m + random.Next(0, 5000) / 100m, 2);
        var started = await client.PostAsJsonAsync("/api/v1/payments", new { amounts = new[] { new { walletCode = "RESTAURATION", amount } } }, Json, ct);
        Record(actor, $"card payment {amount.ToString(CultureInfo.InvariantCulture)}", (int)started.StatusCode, "", [201]);
        if (started.StatusCode != HttpStatusCode.Created) return;
        var paymentId = (await started.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("paymentId").GetGuid();
        var payment = await client.GetFromJsonAsync<JsonElement>($"/api/v1/payments/{paymentId}", ct);
        var reference = payment.GetProperty("providerReference").GetString();
        var cents = (long)decimal.Round(amount * 100m, 0);

        var forged = random.Next(6) switch
        {
            0 => ("usd", (long?)cents, "forged: usd"),
            1 => ("eur", (long?)(cents + 1), "forged: one cent more"),
            2 => ("eur", (long?)null, "forged: no amount_total"),
            _ => default((string, long?, string)?),
        };
        var webhook = portal.NewClient();
        var deliveries = new List<Task>();
        if (forged is { } f)
        {
            var payload = CheckoutCompleted(paymentId, reference, f.Item1, f.Item2);
            _deliveries.Add((paymentId, false));
            deliveries.Add(CallAsync("stripe", $"webhook {f.Item3}", [200], () => PostWebhookAsync(webhook, payload, ct)));
        }

        if (forged is null || random.Next(2) == 0)
        {
            // The genuine event, delivered one to three times at the same moment (Stripe retries, a slow answer).
            var payload = CheckoutCompleted(paymentId, reference, "eur", cents);
            _deliveries.Add((paymentId, true));
            var times = random.Next(1, 4);
            for (var i = 0; i < times; i++)
                deliveries.Add(CallAsync("stripe", $"webhook {paymentId.ToString()[..8]} #{i + 1}", [200], () => PostWebhookAsync(webhook, payload, ct)));
        }

        await Task.WhenAll(deliveries);
    }

    private Task<HttpResponseMessage> PostWebhookAsync(HttpClient webhook, string payload, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.WebhookSecret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        request.Headers.Add("Stripe-Signature", $"t={timestamp},v1={Convert.ToHexStringLower(signature)}");
        return webhook.SendAsync(request, ct);
    }

    /// <summary>The checkout.session.completed event Stripe sends, as its documentation shows it.</summary>
    private static string CheckoutCompleted(Guid paymentId, string? reference, string currency, long? cents)
    {
        var session = new JsonObject
        {
            ["id"] = reference,
            ["object"] = "checkout.session",
            ["client_reference_id"] = paymentId.ToString(),
            ["currency"] = currency,
            ["metadata"] = new JsonObject { ["payment_id"] = paymentId.ToString() },
            ["mode"] = "payment",
            ["payment_status"] = "paid",
            ["status"] = "complete",
        };
        if (cents is { } c) session["amount_total"] = c;
        return new JsonObject
        {
            ["id"] = $"evt_adv_{Guid.NewGuid():N}",
            ["object"] = "event",
            ["api_version"] = "2026-10-28.endive",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["type"] = "checkout.session.completed",
            ["data"] = new JsonObject { ["object"] = session },
        }.ToJsonString();
    }

    // ---------- Workers ----------

    private async Task ChaosAsync(Random random, CancellationToken stop)
    {
        if (portal.Workers is not { } fleet || options.KillEvery is not { } every) return;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(every.TotalMilliseconds * (0.5 + random.NextDouble())), stop);
                await fleet.KillOneAndReplaceAsync(random);
                Record("chaos", "kill -9 a Worker, start another", 0, $"{fleet.Running} running", [0]);
            }
        }
        catch (OperationCanceledException)
        {
            // the run is over
        }
    }

    private async Task WaitForQuiescenceAsync(CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        var pending = await Invariants.PendingMessagesAsync(portal.Services, ct);
        while (pending.Total > 0 && deadline.Elapsed < options.Quiescence)
        {
            await Task.Delay(250, ct);
            pending = await Invariants.PendingMessagesAsync(portal.Services, ct);
        }

        log($"quiescence after {deadline.Elapsed.TotalSeconds:F1} s: {pending}");
        if (pending.Total > 0)
        {
            _violations.Enqueue($"integration events left unhandled {options.Quiescence.TotalSeconds:F0} s after the Workers were back: {pending}");
            if (portal.Workers is { } fleet) log($"what the Workers wrote last:\n{fleet.Tail()}");
        }
    }

    // ---------- history ----------

    private async Task CallAsync(string actor, string operation, int[] expected, Func<Task<HttpResponseMessage>> call)
    {
        int status;
        string note;
        try
        {
            using var response = await call();
            status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            note = status >= 400 ? Code(body) : Summary(operation, body);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            status = -1;
            note = $"{ex.GetType().Name}: {ex.Message}";
        }

        Record(actor, operation, status, note, expected);
    }

    private void Record(string actor, string operation, int status, string note, int[] expected)
    {
        Interlocked.Increment(ref _operations);
        var line = new HistoryLine((long)_clock.Elapsed.TotalMilliseconds, actor, operation, status, note);
        _history.Enqueue(line);
        if (!expected.Contains(status)) _violations.Enqueue($"unexpected answer: {line}");
    }

    private static string Code(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var code) ? code.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return body.Length > 80 ? body[..80] : body;
        }
    }

    private static string Summary(string operation, string body)
    {
        if (!operation.StartsWith("confirm", StringComparison.Ordinal) && !operation.StartsWith("webhook", StringComparison.Ordinal)) return "";
        try
        {
            var root = JsonDocument.Parse(body).RootElement;
            if (root.TryGetProperty("outcome", out var outcome)) return outcome.ToString();
            if (!root.TryGetProperty("lines", out var lines)) return "";
            return string.Join(' ', lines.EnumerateArray().Select(l => $"{l.GetProperty("day").GetString()?[5..]}:{l.GetProperty("action").GetString()?[0]}{l.GetProperty("outcome").GetString()}"));
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
