using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PortailFamille.Billing.Features;
using PortailFamille.Billing.Payments;
using PortailFamille.Billing.Persistence;
using Microsoft.Extensions.Hosting;
using PortailFamille.BuildingBlocks.Configuration;
using PortailFamille.BuildingBlocks.Modules;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.BuildingBlocks.Web;

namespace PortailFamille.Billing;

/// <summary>Registration entry point of the Billing module (wallets, tariffs, consumption, payments).</summary>
public static class BillingModule
{
    public static IServiceCollection AddBillingModule(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<BillingDbContext, SqliteBillingDbContext, PostgresBillingDbContext>(database, BillingDbContext.Module);
        services.AddModuleServices(typeof(BillingModule).Assembly);
        // Until the Dossier module answers a quotient query, every family pays the maximum tariff.
        services.AddScoped<IFamilyQuotientSource, DossierQuotientSource>();
        // Card payments: Stripe Checkout when both Stripe keys are configured, else the built-in test gateway.
        services.AddOptions<PaymentOptions>()
            // The test gateway signs with a public secret: off in Production unless Payments:TestGateway:Enabled says otherwise.
            .Configure<IServiceProvider>((o, sp) => o.TestGateway.Enabled = PaymentOptions.TestGatewayEnabledByDefault(sp.GetService<IHostEnvironment>()))
            .BindValidated(PaymentOptions.Section, PaymentOptions.Rules);
        services.AddSingleton<TestGateway>();
        services.AddSingleton<StripeCheckoutGateway>();
        services.AddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<IOptions<PaymentOptions>>().Value.UsesStripe
            ? sp.GetRequiredService<StripeCheckoutGateway>()
            : sp.GetRequiredService<TestGateway>());
        services.AddScoped<IPayerNames, AccountHolderNames>();
        services.AddScoped<IFamilyWalletCatalog, ContractFamilyWalletCatalog>();
        services.TryAddSingleton(sp => PortalOptions.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        return services;
    }
}
