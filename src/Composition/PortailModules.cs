using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PortailFamille.Accounts;
using PortailFamille.Billing;
using PortailFamille.BuildingBlocks.Demo;
using PortailFamille.BuildingBlocks.Messaging;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.BuildingBlocks.Web;
using PortailFamille.Dossier;
using PortailFamille.Notifications;
using PortailFamille.Reservations;
using Wolverine;

namespace PortailFamille.Composition;

/// <summary>The settings composition reads before the container exists, each checked (a bad one has already thrown).</summary>
public sealed record PortailSettings(DatabaseOptions Database, JobSchedule Jobs, MessagingOptions Messaging, PortalOptions Portal, DemoOptions Demo)
{
    public static PortailSettings FromConfiguration(IConfiguration configuration) => new(
        DatabaseOptions.FromConfiguration(configuration),
        JobSchedule.FromConfiguration(configuration),
        MessagingOptions.FromConfiguration(configuration),
        PortalOptions.FromConfiguration(configuration),
        DemoOptions.FromConfiguration(configuration));
}

/// <summary>
/// The five modules as the Host and the Worker both run them: settings, registrations, Wolverine messaging and schedules,
/// culture. Not in BuildingBlocks, which knows no module; not in the Host, which the Worker must not reference (a web
/// app). The Mediator registration stays in each process: its source generator reads the assembly list at the call.
/// </summary>
public static class PortailModules
{
    public static readonly Assembly[] Assemblies =
    [
        typeof(AccountsModule).Assembly,
        typeof(DossierModule).Assembly,
        typeof(ReservationsModule).Assembly,
        typeof(BillingModule).Assembly,
        typeof(NotificationsModule).Assembly,
    ];

    /// <summary>Reads and checks every setting the modules need at composition, then registers the modules.</summary>
    public static PortailSettings AddPortailModules(this IServiceCollection services, IConfiguration configuration)
    {
        var culture = CultureInfo.GetCultureInfo("fr-FR");
        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        FluentValidation.ValidatorOptions.Global.LanguageManager.Culture = culture;

        // A bad value refuses to start here, naming its key, before the database is touched.
        var settings = PortailSettings.FromConfiguration(configuration);
        services.AddSingleton(settings);
        services.AddSingleton(settings.Database);
        services.AddSingleton(settings.Portal);
        services.AddSingleton(TimeProvider.System);

        services.AddAccountsModule(settings.Database, settings.Portal);
        services.AddDossierModule(settings.Database, configuration);
        services.AddReservationsModule(settings.Database);
        services.AddBillingModule(settings.Database);
        services.AddNotificationsModule(settings.Database, configuration);
        return settings;
    }

    /// <summary>Wolverine for the modules: the durable store and queues, node health, and the recurring jobs.</summary>
    public static WolverineOptions UsePortailModules(this WolverineOptions opts, PortailSettings settings, MessagingRole role)
    {
        opts.UsePortailMessaging(settings.Database, role, Assemblies);
        opts.ApplyNodeHealthSettings(settings.Messaging);
        // Wolverine's leader places the recurring agent on any node and only knows the schedules it registered itself:
        // the Host and the Worker both register them (the occurrences still go to the Worker queue).
        opts.ScheduleReservationsJobs(settings.Jobs);
        opts.ScheduleAccountsJobs(settings.Jobs);
        return opts;
    }
}
