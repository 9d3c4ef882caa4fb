using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PortailFamille.Billing.Features;
using PortailFamille.Billing.Payments;
using PortailFamille.Billing.Persistence;
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
        services.AddOptions<PaymentOptions>().BindConfiguration(PaymentOptions.Section)
            .Validate(o => o.IsConsistent, "Payments:Stripe:SecretKey and Payments:Stripe:WebhookSecret go together.")
            .ValidateOnStart();
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
