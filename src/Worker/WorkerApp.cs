using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PortailFamille.Accounts;
using PortailFamille.Billing;
using PortailFamille.BuildingBlocks.Mediation;
using PortailFamille.BuildingBlocks.Messaging;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.Composition;
using PortailFamille.Dossier;
using PortailFamille.Notifications;
using PortailFamille.Reservations;
using Wolverine;

namespace PortailFamille.Worker;

/// <summary>
/// The worker process: same modules as the Host, Wolverine listening to the durable "worker" queue, where integration
/// events and the occurrences of the recurring jobs arrive. Composition only; the jobs and event handlers live in the modules.
/// </summary>
public static class WorkerApp
{
    public static IHost Build(string[] args, Action<IConfigurationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder.Configuration);

        var services = builder.Services;
        // A bad setting (Worker:TransmissionTime, Messaging:*, Database:*, …) refuses to start here, naming its key.
        var settings = services.AddPortailModules(builder.Configuration);

        services.AddMediator((MediatorOptions o) =>
        {
            o.Namespace = "PortailFamille.Worker.Mediation";
            o.ServiceLifetime = ServiceLifetime.Scoped;
            o.Assemblies =
            [
                typeof(AccountsModule),
                typeof(DossierModule),
                typeof(ReservationsModule),
                typeof(BillingModule),
                typeof(NotificationsModule),
                // The generator only pairs handlers with messages of listed assemblies: list the Contracts too.
                typeof(PortailFamille.Accounts.Contracts.SignIn),
                typeof(PortailFamille.Dossier.Contracts.ListChildren),
                typeof(PortailFamille.Reservations.Contracts.ListActivities),
                typeof(PortailFamille.Billing.Contracts.GetWalletBalances),
                typeof(PortailFamille.Notifications.Contracts.PublishNews),
            ];
            o.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ConflictBehavior<,>), typeof(ValidationBehavior<,>)];
        });

        services.AddMailDelivery();

        builder.UseWolverine(opts =>
        {
            opts.ServiceName = "PortailFamille.Worker";
            opts.UsePortailModules(settings, MessagingRole.Worker);
        });

        return builder.Build();
    }

    /// <summary>Prepares the database before the host starts: the Worker may start before the Host.</summary>
    public static async Task PrepareAsync(IHost host, CancellationToken cancellationToken = default)
    {
        var database = host.Services.GetRequiredService<DatabaseOptions>();
        await ModuleDatabaseRegistration.PrepareSqliteAsync(database, cancellationToken);
        await host.Services.MigrateAndSeedAsync(seedDemoData: false, cancellationToken);
    }
}
