using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortailFamille.Billing.Persistence;
using PortailFamille.BuildingBlocks.Demo;
using PortailFamille.BuildingBlocks.Time;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Features;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Integration.Tests;

/// <summary>
/// One family's cart confirmed from several signed-in sessions at the same instant (tabs, phone and computer,
/// a double click): exactly one confirmation writes the lines, a cancellation frees its place once, and the day
/// slot's counters stay equal to its lines. Each class has its own database (its own fixture).
/// </summary>
public abstract class RaceScenarios<TApp>(TApp app) : IClassFixture<TApp> where TApp : PortalApp
{
    private static readonly Guid Edu = DemoCatalog.Education.Id;

    /// <summary>Demo families of the Éducation structure that may book (dossier validated, first sign-in done).</summary>
    private static IEnumerable<DemoCatalog.DemoFamily> Bookable() =>
        DemoCatalog.Families.Where(f => f.StructureIndex == 0 && f.Number != 25 && !f.MustChangePassword);

    private async Task<Guid> CanteenAsync() => (await app.SendAsync(new ListActivities(Edu))).Single(a => a.Code == "RESTAURATION").Id;

    private async Task LimitAsync(Guid activityId, DateOnly day, int capacity, int waitlist)
    {
        await using var scope = app.HostServices.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReservationsDbContext>();
        var activity = await db.Activities.SingleAsync(a => a.Id == activityId);
        await DaySlots.EnsureAsync(db, [(activity, day)], default);
        await db.DaySlots.Where(s => s.ActivityId == activityId && s.Day == day)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Capacity, capacity).SetProperty(x => x.WaitlistSize, waitlist));
    }

    private async Task<(int Taken, int Waitlisted, int Accepted, int OnWaitlist)> CountersAsync(Guid activityId, DateOnly day)
    {
        await using var scope = app.HostServices.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReservationsDbContext>();
        var slot = await db.DaySlots.AsNoTracking().SingleAsync(s => s.ActivityId == activityId && s.Day == day);
        var accepted = await db.Bookings.CountAsync(b => b.ActivityId == activityId && b.Day == day && b.Outcome == LineOutcome.Accepted);
        var waitlisted = await db.Bookings.CountAsync(b => b.ActivityId == activityId && b.Day == day && b.Outcome == LineOutcome.Waitlisted);
        return (slot.Taken, slot.Waitlisted, accepted, waitlisted);
    }

    private async Task BookAsync(DemoCatalog.DemoFamily family, Guid activityId, params DateOnly[] days)
    {
        (await app.SendAsync(new ToggleCartDays(family.Id, family.Children[0].Id, activityId, days, ToggleScope.EachDay))).ValueOrThrow();
        var confirmation = (await app.SendAsync(new ConfirmCart(family.Id))).ValueOrThrow();
        Assert.All(confirmation.Lines, l => Assert.Equal(LineOutcome.Accepted, l.Outcome));
    }

    /// <summary>Every session posts « Valider » once, all released together.</summary>
    private static async Task<List<(HttpStatusCode Status, JsonElement Body)>> ConfirmAtOnceAsync(IReadOnlyList<HttpClient> sessions)
    {
        using var start = new Barrier(sessions.Count);
        var posts = sessions.Select(client => Task.Run(async () =>
        {
            start.SignalAndWait();
            var response = await client.PostAsync("/api/v1/reservations/cart/confirm", null);
            return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
        }));
        return [.. await Task.WhenAll(posts)];
    }

    /// <summary>
    /// The sessions that lost: their request claimed no line (409, the cart was just confirmed elsewhere), or it
    /// started after the winner had committed and found the cart empty (400). Never a second confirmation.
    /// </summary>
    private static void AlreadyConfirmed((HttpStatusCode Status, JsonElement Body) answer)
    {
        var expected = answer.Status == HttpStatusCode.Conflict ? "reservations.cart_already_confirmed" : "reservations.empty_cart";
        Assert.Contains(answer.Status, new[] { HttpStatusCode.Conflict, HttpStatusCode.BadRequest });
        Assert.Equal(expected, answer.Body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_cancellation_confirmed_from_three_sessions_frees_its_place_once_and_the_day_is_never_overbooked()
    {
        var canteen = await CanteenAsync();
        var days = await app.OpenCanteenDaysAsync();
        var families = Bookable().ToList();
        var leaver = families[0];
        var sessions = new List<HttpClient>();
        for (var s = 0; s < 3; s++) sessions.Add(await app.SignedInClientAsync(leaver.Identifier, DemoCatalog.FamilyPassword));
        var next = 1;

        // Several rounds, each on its own day: a race that slips through sometimes is caught.
        foreach (var day in days.Take(4))
        {
            await LimitAsync(canteen, day, capacity: 3, waitlist: 0);
            var holders = families.Skip(next).Take(2).ToList();
            var latecomers = families.Skip(next + 2).Take(3).ToList();
            next += 5;
            await BookAsync(leaver, canteen, day);
            foreach (var holder in holders) await BookAsync(holder, canteen, day);
            Assert.Equal((3, 0, 3, 0), await CountersAsync(canteen, day));

            (await app.SendAsync(new ToggleCartDays(leaver.Id, leaver.Children[0].Id, canteen, [day], ToggleScope.EachDay))).ValueOrThrow();
            var answers = await ConfirmAtOnceAsync(sessions);

            Assert.Equal(1, answers.Count(a => a.Status == HttpStatusCode.OK));
            var cancelled = answers.Single(a => a.Status == HttpStatusCode.OK).Body.GetProperty("lines").EnumerateArray().Single();
            Assert.Equal("Cancelled", cancelled.GetProperty("outcome").GetString());
            Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), AlreadyConfirmed);
            Assert.Equal((2, 0, 2, 0), await CountersAsync(canteen, day));

            // Three other families try the day: one place was freed, only one of them gets it.
            foreach (var latecomer in latecomers)
                (await app.SendAsync(new ToggleCartDays(latecomer.Id, latecomer.Children[0].Id, canteen, [day], ToggleScope.EachDay))).ValueOrThrow();
            var outcomes = (await Task.WhenAll(latecomers.Select(f => Task.Run(() => app.SendAsync(new ConfirmCart(f.Id))))))
                .Select(r => r.ValueOrThrow().Lines.Single().Outcome).ToList();
            Assert.Equal(1, outcomes.Count(o => o == LineOutcome.Accepted));
            Assert.Equal((3, 0, 3, 0), await CountersAsync(canteen, day));
        }
    }

    [Fact]
    public async Task A_cart_confirmed_from_two_sessions_at_once_writes_each_line_once()
    {
        var canteen = await CanteenAsync();
        var days = (await app.OpenCanteenDaysAsync()).Skip(6).Take(6).ToList();
        var family = Bookable().Last(); // a family the other scenario of this class does not use
        var child = family.Children[0];
        var sessions = new[] { await app.SignedInClientAsync(family.Identifier, DemoCatalog.FamilyPassword),
            await app.SignedInClientAsync(family.Identifier, DemoCatalog.FamilyPassword) };

        // Book the days, cancel them, book them again: each round confirms one cart from both sessions at once.
        for (var round = 0; round < 4; round++)
        {
            (await app.SendAsync(new ToggleCartDays(family.Id, child.Id, canteen, days, ToggleScope.EachDay))).ValueOrThrow();
            var answers = await ConfirmAtOnceAsync(sessions);

            Assert.Equal(1, answers.Count(a => a.Status == HttpStatusCode.OK));
            AlreadyConfirmed(answers.Single(a => a.Status != HttpStatusCode.OK));
            var expected = round % 2 == 0 ? "Accepted" : "Cancelled";
            Assert.All(answers.Single(a => a.Status == HttpStatusCode.OK).Body.GetProperty("lines").EnumerateArray(),
                l => Assert.Equal(expected, l.GetProperty("outcome").GetString()));

            await using var scope = app.HostServices.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReservationsDbContext>();
            var lines = await db.Bookings.AsNoTracking().Where(b => b.ChildId == child.Id && b.ActivityId == canteen && days.Contains(b.Day)).ToListAsync();
            // Each confirmation wrote its lines once: one line per day and booking round, never a refused twin.
            Assert.Equal(days.Count * (round / 2 + 1), lines.Count);
            Assert.DoesNotContain(lines, l => l.Outcome == LineOutcome.Refused);
            Assert.Equal(round % 2 == 0 ? days.Count : 0, lines.Count(l => l.Outcome == LineOutcome.Accepted));
            Assert.Empty(await db.CartItems.Where(c => c.FamilyAccountId == family.Id).ToListAsync());
            foreach (var day in days)
            {
                var (taken, waitlisted, accepted, onWaitlist) = await CountersAsync(canteen, day);
                Assert.Equal((accepted, onWaitlist), (taken, waitlisted));
            }
        }
    }

    [Fact]
    public async Task Two_agents_pointing_the_same_child_at_once_debit_the_day_once()
    {
        var canteen = await CanteenAsync();
        var family = Bookable().ElementAt(Bookable().Count() - 2); // used by no other scenario of this class
        var staff = new[] { await app.SignedInClientAsync("agent.education", DemoCatalog.StaffPassword), await app.SignedInClientAsync("admin", DemoCatalog.StaffPassword) };
        // Rounds on days already past (the state the day sheet works on), each mark sent by both agents at the same instant.
        Attendance[][] rounds = [[Attendance.Present], [Attendance.Present, Attendance.Excused], [Attendance.Absent, Attendance.Excused, Attendance.Present]];
        for (var r = 0; r < rounds.Length; r++)
        {
            var day = TimeProvider.System.TodayInParis().AddDays(-1 - r);
            Guid bookingId;
            await using (var scope = app.HostServices.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ReservationsDbContext>();
                var booking = PortailFamille.Reservations.Domain.Booking.Record(family.Id, family.Children[0].Id, canteen, day, LineOutcome.Accepted, null, null, null, Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(-10));
                db.Bookings.Add(booking);
                await db.SaveChangesAsync();
                bookingId = booking.Id;
            }

            foreach (var mark in rounds[r])
            {
                using var start = new Barrier(staff.Length);
                var answers = await Task.WhenAll(staff.Select(client => Task.Run(async () =>
                {
                    start.SignalAndWait();
                    return (await client.PostAsJsonAsync($"/api/v1/staff/bookings/{bookingId}/attendance", new { attendance = mark.ToString() })).StatusCode;
                })));
                Assert.Contains(HttpStatusCode.NoContent, answers);
                Assert.All(answers, a => Assert.Contains(a, new[] { HttpStatusCode.NoContent, HttpStatusCode.Conflict }));
            }

            await app.WaitForMessagesHandledAsync();
            await using (var scope = app.HostServices.CreateAsyncScope())
            {
                var key = bookingId.ToString("N");
                var entries = await scope.ServiceProvider.GetRequiredService<BillingDbContext>().LedgerEntries.AsNoTracking()
                    .Where(e => e.SourceId != null && e.SourceId.Contains(key)).Select(e => e.Amount).ToListAsync();
                var consumed = rounds[r][^1] is Attendance.Present or Attendance.Absent;
                Assert.Equal(consumed ? -4.20m : 0m, entries.Sum());
            }
        }
    }

    [Fact]
    public async Task Twenty_parallel_wrong_passwords_spend_the_five_attempts_and_lock_the_account_before_any_other_check()
    {
        var family = DemoCatalog.Families.First(f => f.StructureIndex == 1); // not a family the other scenarios sign in with
        using var start = new Barrier(20);
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            var client = app.NewClient();
            start.SignalAndWait();
            var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { identifier = family.Identifier, password = "Mauvais-Passe-1" });
            return response.StatusCode;
        })));

        // Never a 500; exactly five passwords checked: four wrong ones, the fifth locks; the fifteen others refused unchecked.
        Assert.All(answers, a => Assert.Contains(a, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        Assert.Equal(4, answers.Count(a => a == HttpStatusCode.Unauthorized));
        await using (var scope = app.HostServices.CreateAsyncScope())
        {
            var throttle = await scope.ServiceProvider.GetRequiredService<PortailFamille.Accounts.Persistence.AccountsDbContext>().SignInThrottles.AsNoTracking()
                .SingleAsync(t => t.Identifier == family.Identifier);
            Assert.Equal(5, throttle.Failures);
            Assert.NotNull(throttle.LockedUntil);
        }

        // Even the right password is refused now.
        var right = await app.NewClient().PostAsJsonAsync("/api/v1/auth/login", new { identifier = family.Identifier, password = DemoCatalog.FamilyPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    [Fact]
    public async Task Fifteen_reset_requests_at_once_leave_one_valid_link()
    {
        var family = DemoCatalog.Families.Where(f => f.StructureIndex == 1).Skip(1).First();
        using var start = new Barrier(15);
        var answers = await Task.WhenAll(Enumerable.Range(0, 15).Select(_ => Task.Run(async () =>
        {
            var client = app.NewClient();
            start.SignalAndWait();
            return (await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { identifier = family.Identifier, email = family.Email })).StatusCode;
        })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a)); // the same answer for everyone
        await using var scope = app.HostServices.CreateAsyncScope();
        var links = await scope.ServiceProvider.GetRequiredService<PortailFamille.Accounts.Persistence.AccountsDbContext>().PasswordLinks.AsNoTracking()
            .Where(l => l.AccountId == family.Id).ToListAsync();
        Assert.NotEmpty(links);
        Assert.Single(links, l => l.UsedAt == null && l.RevokedAt == null);
    }

    [Fact]
    public async Task Places_cannot_be_lowered_below_those_already_taken()
    {
        var evening = (await app.SendAsync(new ListActivities(Edu))).Single(a => a.Code == "ACCUEIL_SOIR").Id;
        var day = (await app.OpenCanteenDaysAsync())[5];
        var staff = await app.SignedInClientAsync("admin", DemoCatalog.StaffPassword);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PutAsJsonAsync($"/api/v1/staff/activities/{evening}/capacity", new { capacity = 3, waitlistSize = 1 })).StatusCode);
        foreach (var family in Bookable().Skip(1).Take(3))
        {
            (await app.SendAsync(new ToggleCartDays(family.Id, family.Children[0].Id, evening, [day], ToggleScope.EachDay, Departure: "17:30"))).ValueOrThrow();
            Assert.Equal(LineOutcome.Accepted, (await app.SendAsync(new ConfirmCart(family.Id))).ValueOrThrow().Lines.Single().Outcome);
        }

        var lower = await staff.PutAsJsonAsync($"/api/v1/staff/activities/{evening}/capacity", new { capacity = 2, waitlistSize = 1 });
        Assert.Equal(HttpStatusCode.Conflict, lower.StatusCode);
        var problem = await lower.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("reservations.capacity_below_taken", problem.GetProperty("code").GetString());
        Assert.Contains("3 places sont déjà prises", problem.GetProperty("detail").GetString());
        Assert.Equal((3, 0, 3, 0), await CountersAsync(evening, day));
        await using (var scope = app.HostServices.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReservationsDbContext>();
            Assert.Equal(3, (await db.DaySlots.AsNoTracking().SingleAsync(s => s.ActivityId == evening && s.Day == day)).Capacity);
            Assert.Equal(3, (await db.Activities.AsNoTracking().SingleAsync(a => a.Id == evening)).Capacity); // nothing half-written
        }

        Assert.Equal(HttpStatusCode.NoContent, (await staff.PutAsJsonAsync($"/api/v1/staff/activities/{evening}/capacity", new { capacity = (int?)null, waitlistSize = 0 })).StatusCode);
    }
}

public sealed class SqliteRaceTests(SqlitePortalApp app) : RaceScenarios<SqlitePortalApp>(app);

public sealed class PostgresRaceTests(PostgresPortalApp app) : RaceScenarios<PostgresPortalApp>(app);
