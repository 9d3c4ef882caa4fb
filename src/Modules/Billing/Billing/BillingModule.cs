using Microsoft.Extensions.DependencyInjection;
using PortailFamille.Billing.Persistence;
using PortailFamille.BuildingBlocks.Modules;
using PortailFamille.BuildingBlocks.Persistence;

namespace PortailFamille.Billing;

/// <summary>Registration entry point of the Billing module (wallets, tariffs, consumption, payments).</summary>
public static class BillingModule
{
    public static IServiceCollection AddBillingModule(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<BillingDbContext, SqliteBillingDbContext, PostgresBillingDbContext>(database, BillingDbContext.Module);
        services.AddModuleServices(typeof(BillingModule).Assembly);
        return services;
    }
}
