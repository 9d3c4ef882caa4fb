using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortailFamille.BuildingBlocks.Demo;
using PortailFamille.BuildingBlocks.Time;
using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Integration.Tests;

/// <summary>Scenario helpers: send through the Host's mediator (one scope per request, as a page does), find bookable days, wait for the Worker.</summary>
public static class AppExtensions
{
    public static async Task<T> SendAsync<T>(this PortalApp app, IQuery<T> query)
    {
        await using var scope = app.HostServices.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    public static async Task<T> SendAsync<T>(this PortalApp app, ICommand<T> command)
    {
        await using var scope = app.HostServices.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    /// <summary>Canteen days (Mon, Tue, Thu, Fri) of the demo period still bookable today (3 days' notice), in order.</summary>
    public static async Task<List<DateOnly>> OpenCanteenDaysAsync(this PortalApp app)
    {
        var period = (await app.SendAsync(new ListBookingPeriods(DemoCatalog.Education.Id))).Single(p => p.Name.Contains("démonstration"));
        var days = new List<DateOnly>();
        for (var d = TimeProvider.System.TodayInParis().AddDays(3); d <= period.EndsOn; d = d.AddDays(1))
            if (d.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Tuesday or DayOfWeek.Thursday or DayOfWeek.Friday) days.Add(d);
        return days;
    }
}

public static class Eventually
{
    /// <summary>Polls until the Worker has done its part (queues are polled: seconds, not milliseconds).</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(300);
        }

        Assert.True(await condition(), "the condition was not met within 60 s");
    }
}

public static class DurableMessages
{
    /// <summary>
    /// Waits until Wolverine's durable store holds no integration event still to handle: none outgoing, none queued for
    /// the Worker, none received but not handled. The state itself is polled (the queues are polled too), never a pause.
    /// </summary>
    public static async Task WaitForMessagesHandledAsync(this PortalApp app, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        var pending = await app.PendingMessagesAsync();
        while (pending.Total > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            pending = await app.PendingMessagesAsync();
        }

        Assert.True(pending.Total == 0, $"integration events still pending after {(within ?? TimeSpan.FromSeconds(60)).TotalSeconds} s: {pending}");
    }

    public sealed record Pending(long Outgoing, long Queued, long Incoming, long DeadLetters)
    {
        public long Total => Outgoing + Queued + Incoming;
    }

    public static async Task<Pending> PendingMessagesAsync(this PortalApp app)
    {
        await using var scope = app.HostServices.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortailFamille.Reservations.Persistence.ReservationsDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        // Wolverine's tables, wherever it put them (its envelope schema, its queue transport's schema).
        var catalog = app.Provider == "Postgres"
            ? "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_name LIKE 'wolverine%'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'wolverine%'";
        var tables = new Dictionary<string, string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = catalog;
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var qualified = reader.GetString(0);
                tables[qualified.Split('.')[^1]] = qualified;
            }
        }

        async Task<long> CountAsync(string table, string where = "")
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {tables[table]} {where}";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return new Pending(
            await CountAsync("wolverine_outgoing_envelopes"),
            await CountAsync("wolverine_queue_worker") + await CountAsync("wolverine_queue_worker_scheduled"),
            await CountAsync("wolverine_incoming_envelopes", "WHERE status <> 'Handled'"),
            await CountAsync("wolverine_dead_letters"));
    }
}
