using Microsoft.Extensions.DependencyInjection;
using PortailFamille.BuildingBlocks.Configuration;
using PortailFamille.BuildingBlocks.Messaging;
using PortailFamille.BuildingBlocks.Modules;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.Reservations.Features;
using PortailFamille.Reservations.Persistence;
using Wolverine;

namespace PortailFamille.Reservations;

/// <summary>Reservations: Reservations:RulesCacheSeconds, how long the booking rules are kept (5 s; 0 turns the cache off).</summary>
internal sealed class ReservationsOptions
{
    public const string Section = "Reservations";

    public double RulesCacheSeconds { get; set; } = 5;

    public static readonly SettingRules<ReservationsOptions> Rules = new SettingRules<ReservationsOptions>()
        .Require("Reservations:RulesCacheSeconds", o => o.RulesCacheSeconds, s => s >= 0, "a number of seconds, 0 or more");
}

/// <summary>Registration entry point of the Reservations module (activities, periods, calendar, cart, capacity).</summary>
public static class ReservationsModule
{
    public static IServiceCollection AddReservationsModule(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<ReservationsDbContext, SqliteReservationsDbContext, PostgresReservationsDbContext>(database, ReservationsDbContext.Module);
        services.AddModuleServices(typeof(ReservationsModule).Assembly);
        services.AddScoped<Features.ReservationData>();
        services.AddOptions<ReservationsOptions>().BindValidated(ReservationsOptions.Section, ReservationsOptions.Rules);
        services.AddSingleton<Features.BookingRulesCache>();
        return services;
    }

    /// <summary>
    /// The module's recurring work: the nightly transmission, every day at Worker:TransmissionTime in Paris. The Host and
    /// the Worker both register it (Wolverine's leader may place the recurring agent on either); the occurrence itself
    /// goes to the Worker queue and is handled by one Worker.
    /// </summary>
    public static WolverineOptions ScheduleReservationsJobs(this WolverineOptions opts, JobSchedule schedule)
    {
        opts.Schedules.ScheduleRecurring(nameof(NightlyTransmissionDue), JobSchedule.DailyInParis(schedule.TransmissionTime),
            occurrence => new NightlyTransmissionDue(occurrence));
        return opts;
    }
}
