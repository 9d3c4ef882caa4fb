using Microsoft.Extensions.DependencyInjection;
using PortailFamille.BuildingBlocks.Modules;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.Notifications.Persistence;

namespace PortailFamille.Notifications;

/// <summary>Registration entry point of the Notifications module (news, templates, e-mail outbox).</summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<NotificationsDbContext, SqliteNotificationsDbContext, PostgresNotificationsDbContext>(database, NotificationsDbContext.Module);
        services.AddModuleServices(typeof(NotificationsModule).Assembly);
        return services;
    }
}
