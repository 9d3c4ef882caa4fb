using Microsoft.Extensions.DependencyInjection;
using PortailFamille.Billing.Features;
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
        // Until the Dossier module answers a quotient query, every family pays the maximum tariff.
        services.AddScoped<IFamilyQuotientSource, NoQuotientYet>();
        return services;
    }
}
