using Microsoft.Extensions.DependencyInjection;
using PortailFamille.BuildingBlocks.Modules;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Reservations;

/// <summary>Registration entry point of the Reservations module (activities, periods, calendar, cart, capacity).</summary>
public static class ReservationsModule
{
    public static IServiceCollection AddReservationsModule(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<ReservationsDbContext, SqliteReservationsDbContext, PostgresReservationsDbContext>(database, ReservationsDbContext.Module);
        services.AddModuleServices(typeof(ReservationsModule).Assembly);
        services.AddScoped<Features.ReservationData>();
        services.AddSingleton<Features.BookingRulesCache>();
        return services;
    }
}
