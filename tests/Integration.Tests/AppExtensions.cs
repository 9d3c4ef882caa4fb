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
        var limit = within ?? TimeSpan.FromSeconds(60);
        var deadline = DateTime.UtcNow + limit;
        var pending = await PortailFamille.Adversarial.Invariants.PendingMessagesAsync(app.HostServices, default);
        while (pending.Total > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            pending = await PortailFamille.Adversarial.Invariants.PendingMessagesAsync(app.HostServices, default);
        }

        Assert.True(pending.Total == 0, $"integration events still pending after {limit.TotalSeconds} s: {pending}");
    }

    /// <summary>
    /// Waits until nothing more can come: every integration event handled and no mail left to send (each mail the
    /// outbox held was handed to the SMTP server). What a test then finds in the SMTP server is all there will be, so
    /// « nothing else comes » is asserted on a settled state rather than after a pause.
    /// </summary>
    public static async Task WaitUntilSettledAsync(this PortalApp app, TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromSeconds(60);
        var deadline = DateTime.UtcNow + limit;
        await app.WaitForMessagesHandledAsync(limit);
        var mails = await app.SendAsync(new PortailFamille.Notifications.Contracts.GetMailOutboxStatus());
        while (mails.Pending > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            mails = await app.SendAsync(new PortailFamille.Notifications.Contracts.GetMailOutboxStatus());
        }

        Assert.True(mails.Pending == 0, $"{mails.Pending} mail(s) still to send after {limit.TotalSeconds} s");
        await app.WaitForMessagesHandledAsync(limit); // a mail sent may not raise anything, but a handler may have queued one
    }
}

public static class TestOutput
{
    /// <summary>A log for helpers that outlive the test (Worker processes): lines written after the test ended are dropped.</summary>
    public static Action<string> Log(this Xunit.Abstractions.ITestOutputHelper output) => line =>
    {
        try { output.WriteLine(line); } catch (InvalidOperationException) { /* the test is over */ }
    };
}
