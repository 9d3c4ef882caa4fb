using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using PortailFamille.Accounts.Features;
using PortailFamille.Accounts.Persistence;
using PortailFamille.BuildingBlocks.Messaging;
using PortailFamille.BuildingBlocks.Modules;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.BuildingBlocks.Web;
using Wolverine;

namespace PortailFamille.Accounts;

/// <summary>Registration entry point of the Accounts module (identity, credentials, structures, staff roles).</summary>
public static class AccountsModule
{
    public static IServiceCollection AddAccountsModule(this IServiceCollection services, DatabaseOptions database, PortalOptions portal)
    {
        services.AddSingleton(portal);
        services.AddModuleDbContext<AccountsDbContext, SqliteAccountsDbContext, PostgresAccountsDbContext>(database, AccountsDbContext.Module);
        services.AddModuleServices(typeof(AccountsModule).Assembly);
        services.AddSingleton(_ => new PasswordHashing());
        return services;
    }

    /// <summary>
    /// The key ring that protects session and antiforgery cookies lives in the database, so any Host instance
    /// behind the proxy reads the cookies another one issued, and a restart signs nobody out.
    /// </summary>
    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName("PortailFamille")
            .PersistKeysToDbContext<AccountsDbContext>();
        return services;
    }

    /// <summary>
    /// The module's recurring work: password links dead for a week are purged every night, at the transmission time
    /// (Worker:TransmissionTime, Paris). Registered by the Host and the Worker alike; handled by one Worker.
    /// </summary>
    public static WolverineOptions ScheduleAccountsJobs(this WolverineOptions opts, JobSchedule schedule)
    {
        opts.Schedules.ScheduleRecurring(nameof(PasswordLinkPurgeDue), JobSchedule.DailyInParis(schedule.TransmissionTime),
            occurrence => new PasswordLinkPurgeDue(occurrence));
        return opts;
    }
}
