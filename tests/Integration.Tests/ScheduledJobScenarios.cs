using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PortailFamille.Accounts.Features;
using PortailFamille.BuildingBlocks.Demo;
using PortailFamille.BuildingBlocks.Messaging;
using PortailFamille.Notifications.Persistence;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Features;
using PortailFamille.Reservations.Persistence;
using PortailFamille.Worker;
using Wolverine;
using Wolverine.Runtime;
using Wolverine.Runtime.Recurring;
using Wolverine.Tracking;
using Wolverine.Util;

namespace PortailFamille.Integration.Tests;

/// <summary>
/// The nightly work is a Wolverine recurring message (cron in Europe/Paris) handled in its module, on SQLite and on
/// PostgreSQL: the Host and the in-process Worker both register the schedules, Wolverine's recurring agent keeps the next
/// occurrence scheduled in the Worker queue, and one occurrence transmits the pending lines once.
/// </summary>
public abstract class ScheduledJobScenarios<TApp>(TApp app) : IClassFixture<TApp> where TApp : PortalApp, IPaymentApp
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_nightly_jobs_are_scheduled_at_one_in_Paris_and_the_next_occurrence_waits_in_the_worker_queue()
    {
        foreach (var services in new[] { app.HostServices, app.Worker.Services })
        {
            var schedules = services.GetRequiredService<IWolverineRuntime>().Options.Schedules;
            Assert.Equal(new[] { nameof(NightlyTransmissionDue), nameof(PasswordLinkPurgeDue) }, schedules.Select(s => s.Name).Order());
            var transmission = schedules.FindByName(nameof(NightlyTransmissionDue))!;
            Assert.Equal(typeof(NightlyTransmissionDue), transmission.MessageType);
            Assert.Equal(typeof(PasswordLinkPurgeDue), schedules.FindByName(nameof(PasswordLinkPurgeDue))!.MessageType);
            Assert.All(schedules, s =>
            {
                Assert.Equal("0 1 * * *", s.Schedule.Expression); // Worker:TransmissionTime unset: 01:00
                Assert.Equal("Europe/Paris", s.Schedule.TimeZone.Id);
                // Pre-scheduled in the database (not an in-memory timer): an occurrence survives the node that scheduled it.
                Assert.Equal(RecurringExecutionPath.ScheduledMessages, s.ExecutionPath);
            });
        }

        // The recurring agent (on one node) records tonight's occurrence in the store's tracking table...
        var control = app.HostServices.GetRequiredService<IRecurringScheduleControl>();
        var tonight = JobSchedule.DailyInParis(JobSchedule.DefaultTransmissionTime).NextOccurrence(TimeProvider.System.GetUtcNow())!.Value;
        await Eventually.WaitForAsync(async () => (await control.QueryAsync()).Any(r => r.Name == nameof(NightlyTransmissionDue) && r.NextOccurrence == tonight));
        // ...and has scheduled it in the Worker queue, where any Worker takes it when it is due (not in a node's local queue).
        Assert.True(await ScheduledInWorkerQueueAsync<NightlyTransmissionDue>() >= 1, "tonight's transmission is not scheduled in the Worker queue");
    }

    [Fact]
    public async Task Triggering_the_nightly_schedule_transmits_the_pending_lines_once()
    {
        var family = DemoCatalog.Families[16];
        await BookAsync(family, skip: 0);

        // Wolverine's "run now": recorded on the schedule's row, published by the recurring agent at its next tick.
        var control = app.HostServices.GetRequiredService<IRecurringScheduleControl>();
        var session = await TrackAsync(_ => control.TriggerAsync(nameof(NightlyTransmissionDue)));

        Assert.Single(session.Executed.MessagesOf<NightlyTransmissionDue>());
        Assert.Equal(0, await PendingLinesAsync(family));
        Assert.Equal(1, await ReportsQueuedAsync(family));

        // A second run finds nothing left to transmit: no second report.
        session = await TrackAsync(_ => control.TriggerAsync(nameof(NightlyTransmissionDue)), transmits: false);
        Assert.Single(session.Executed.MessagesOf<NightlyTransmissionDue>());
        Assert.Equal(1, await ReportsQueuedAsync(family));
    }

    [Fact]
    public async Task A_second_delivery_of_the_same_occurrence_does_nothing()
    {
        // What a failover of the recurring agent does: publish the same occurrence again, with the same deduplication id.
        var schedule = app.HostServices.GetRequiredService<IWolverineRuntime>().Options.Schedules.FindByName(nameof(NightlyTransmissionDue))!;
        var occurrence = new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero).AddSeconds(Random.Shared.Next(1_000_000));
        var first = DemoCatalog.Families[17];
        await BookAsync(first, skip: 3);
        await TrackAsync(ctx => ctx.PublishAsync(new NightlyTransmissionDue(occurrence), new DeliveryOptions { DeduplicationId = schedule.DeduplicationIdFor(occurrence) }).AsTask());
        Assert.Equal(0, await PendingLinesAsync(first));

        var second = DemoCatalog.Families[18];
        await BookAsync(second, skip: 3);
        var session = await TrackAsync(ctx => ctx.PublishAsync(new NightlyTransmissionDue(occurrence), new DeliveryOptions { DeduplicationId = schedule.DeduplicationIdFor(occurrence) }).AsTask(), transmits: false);
        Assert.Single(session.Received.MessagesOf<NightlyTransmissionDue>());
        Assert.True(await PendingLinesAsync(second) > 0, "the duplicate occurrence ran the transmission");

        // The next night is another occurrence.
        var next = occurrence.AddDays(1);
        await TrackAsync(ctx => ctx.PublishAsync(new NightlyTransmissionDue(next), new DeliveryOptions { DeduplicationId = schedule.DeduplicationIdFor(next) }).AsTask());
        Assert.Equal(0, await PendingLinesAsync(second));
        Assert.Equal(1, await ReportsQueuedAsync(second));
    }

    /// <summary>
    /// Runs <paramref name="action"/> and waits until the Worker has received an occurrence (and, when lines are to be
    /// transmitted, their <see cref="LinesTransmitted"/> events, which leave through the outbox after the handler ends),
    /// then until every message of the session is handled.
    /// </summary>
    private Task<ITrackedSession> TrackAsync(Func<IMessageContext, Task> action, bool transmits = true)
    {
        var session = app.Worker.TrackActivity(Within)
            .AlsoTrack(app.HostServices)
            .WaitForMessageToBeReceivedAt<NightlyTransmissionDue>(app.Worker);
        if (transmits) session = session.WaitForMessageToBeReceivedAt<LinesTransmitted>(app.Worker);
        return session.ExecuteAndWaitAsync(action);
    }

    private async Task BookAsync(DemoCatalog.DemoFamily family, int skip)
    {
        var canteen = (await app.SendAsync(new ListActivities(DemoCatalog.Education.Id))).Single(a => a.Code == "RESTAURATION");
        var days = (await app.OpenCanteenDaysAsync()).Skip(skip).Take(3).ToList();
        (await app.SendAsync(new ToggleCartDays(family.Id, family.Children[0].Id, canteen.Id, days, ToggleScope.EachDay))).ValueOrThrow();
        (await app.SendAsync(new ConfirmCart(family.Id))).ValueOrThrow();
        Assert.True(await PendingLinesAsync(family) > 0);
    }

    private async Task<int> PendingLinesAsync(DemoCatalog.DemoFamily family)
    {
        await using var scope = app.HostServices.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReservationsDbContext>().Bookings.AsNoTracking()
            .CountAsync(b => b.FamilyAccountId == family.Id && b.TransmittedAt == null);
    }

    /// <summary>Transmission reports queued for the family in the mail outbox (keyed by Message-Id: one per run that had lines).</summary>
    private async Task<int> ReportsQueuedAsync(DemoCatalog.DemoFamily family)
    {
        await using var scope = app.HostServices.CreateAsyncScope();
        var prefix = $"transmission.{family.Id:N}.";
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().OutgoingMails.AsNoTracking()
            .CountAsync(m => m.MessageId.StartsWith(prefix));
    }

    private async Task<long> ScheduledInWorkerQueueAsync<T>()
    {
        await using var scope = app.HostServices.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReservationsDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        // Wolverine's queue transport has its own schema on PostgreSQL: find the table where it put it.
        command.CommandText = db.Database.IsNpgsql()
            ? "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_name = 'wolverine_queue_worker_scheduled'"
            : "SELECT 'wolverine_queue_worker_scheduled'";
        var table = (string)(await command.ExecuteScalarAsync())!;
        command.CommandText = $"SELECT count(*) FROM {table} WHERE message_type = '{typeof(T).ToMessageTypeName()}'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class SqliteScheduledJobTests(SqlitePaymentApp app) : ScheduledJobScenarios<SqlitePaymentApp>(app);

public sealed class PostgresScheduledJobTests(PostgresPaymentApp app) : ScheduledJobScenarios<PostgresPaymentApp>(app);

/// <summary>A Worker:TransmissionTime that is not a time of day stops the Worker and the Host before they start.</summary>
public sealed class ScheduledJobConfigurationTests
{
    [Fact]
    public void The_worker_refuses_to_start_with_a_bad_transmission_time_naming_the_key()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => WorkerApp.Build([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Worker:TransmissionTime"] = "1h30",
        })));

        Assert.Contains("Worker:TransmissionTime", refused.Message, StringComparison.Ordinal);
        Assert.Contains("1h30", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_refuses_to_start_with_a_bad_transmission_time_naming_the_key()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Worker:TransmissionTime", "25:00");
            web.UseEnvironment("Testing");
        });

        var refused = Assert.ThrowsAny<Exception>(() => factory.Server);

        var validation = Assert.IsType<OptionsValidationException>(refused.GetBaseException());
        Assert.Contains("Worker:TransmissionTime", validation.Message, StringComparison.Ordinal);
    }
}
