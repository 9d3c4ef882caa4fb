using Mediator;
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
