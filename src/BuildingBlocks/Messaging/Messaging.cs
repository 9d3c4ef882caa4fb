using System.Reflection;
using JasperFx.Resources;
using Microsoft.Extensions.DependencyInjection;
using PortailFamille.BuildingBlocks.Persistence;
using Wolverine;
using Wolverine.EntityFrameworkCore;
using Wolverine.ErrorHandling;
using Wolverine.Postgresql;
using Wolverine.Sqlite;

namespace PortailFamille.BuildingBlocks.Messaging;

public enum MessagingRole
{
    /// <summary>The web process: publishes integration events, handles none of them.</summary>
    Host,
    /// <summary>The worker process: listens to the durable queue and handles every integration event.</summary>
    Worker,
}

public static class Messaging
{
    public const string WorkerQueue = "worker";

    /// <summary>
    /// Wolverine on the configured database: durable store and queue in the same database as the module
    /// tables (so IDbContextOutbox commits a change and its events together), every integration event and every
    /// occurrence of a recurring job routed to the Worker's queue, Mediator handlers kept out of Wolverine.
    /// </summary>
    public static void UsePortailMessaging(this WolverineOptions opts, DatabaseOptions database, MessagingRole role, IEnumerable<Assembly> moduleAssemblies)
    {
        if (database.IsSqlite)
        {
            opts.UseSqlitePersistenceAndTransport(database.ConnectionString);
            opts.Publish(rule =>
            {
                rule.MessagesImplementing<IIntegrationEvent>();
                rule.MessagesImplementing<IScheduledJob>();
                rule.ToSqliteQueue(WorkerQueue);
            });
            if (role == MessagingRole.Worker) opts.ListenToSqliteQueue(WorkerQueue);
        }
        else
        {
            opts.UsePostgresqlPersistenceAndTransport(database.ConnectionString, "wolverine");
            opts.Publish(rule =>
            {
                rule.MessagesImplementing<IIntegrationEvent>();
                rule.MessagesImplementing<IScheduledJob>();
                rule.ToPostgresqlQueue(WorkerQueue);
            });
            // Wolverine's PostgreSQL listener takes one batch per polling interval (5 s by default) when no NOTIFY
            // wakes it: 20 events per 5 s and per Worker drained a busy hour's backlog in minutes. One second, 100 a batch.
            if (role == MessagingRole.Worker)
                opts.ListenToPostgresqlQueue(WorkerQueue).PollingInterval(TimeSpan.FromSeconds(1)).MaximumMessagesToReceive(100);
        }

        // An event whose handler met a concurrent transaction (a deadlock with a confirmation, a unique index, a
        // concurrency token: the handler's change rolled back) is handled again, at once then a little later:
        // a conflict is not a bug, and a dead letter would lose a promotion or a debit.
        opts.OnException(IsConflict, "database conflict with a concurrent transaction")
            .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1))
            .Then.ScheduleRetry(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));

        opts.UseEntityFrameworkCoreTransactions();
        opts.Policies.UseDurableLocalQueues();
        opts.MultipleHandlerBehavior = MultipleHandlerBehavior.Separated;

        opts.Discovery.DisableConventionalDiscovery();
        foreach (var assembly in moduleAssemblies)
        {
            opts.Discovery.IncludeAssembly(assembly);
        }

        // Only public static adapters named *Handler that take an integration event or a recurring job's occurrence are
        // Wolverine's; Mediator handlers (internal or public) stay the mediator's.
        opts.Discovery.CustomizeHandlerDiscovery(q =>
        {
            q.Includes.WithCondition("integration event and recurring job adapters", IsWolverineAdapter);
            q.Excludes.WithCondition("Mediator handlers", t => t.GetInterfaces().Any(i => i.Namespace == "Mediator"));
        });

        // Adapters forward to the mediator; ISender is registered by a factory, which Wolverine's
        // code generation can only reach through the container.
        opts.ServiceLocationPolicy = JasperFx.CodeGeneration.Model.ServiceLocationPolicy.AlwaysAllowed;

        opts.Services.AddResourceSetupOnStartup();

        // Released inbox envelopes (a dead Worker's, once ejected) are taken back by the listening nodes themselves,
        // whichever node holds Wolverine's durability agent (the Host listens to nothing).
        if (role == MessagingRole.Worker) opts.Services.AddHostedService<ListenerInboxSweep>();
        // Distinct node numbers on SQLite (Wolverine's SQLite node table gives every node number 1).
        if (database.IsSqlite) opts.Services.AddSingleton<IModuleDatabase>(sp => new SqliteNodeNumbers(database));
    }

    private static bool IsConflict(Exception exception) =>
        DatabaseConflicts.IsConflict(exception) || exception is Results.ResultFailureException { Error.Kind: Results.ErrorKind.Conflict };

    public static bool IsWolverineAdapter(Type type) =>
        type is { IsPublic: true, IsAbstract: true, IsSealed: true } // static class
        && type.Name.EndsWith("Handler", StringComparison.Ordinal)
        && type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Any(m => m.Name is "Handle" or "HandleAsync" && m.GetParameters().FirstOrDefault()?.ParameterType is { } p
                && (typeof(IIntegrationEvent).IsAssignableFrom(p) || typeof(IScheduledJob).IsAssignableFrom(p)));

    /// <summary>
    /// How fast the nodes notice a dead one (killed, or its machine lost): every node writes a heartbeat every
    /// Messaging:HealthCheckSeconds (default 10); one silent for Messaging:StaleNodeSeconds (default 60) is
    /// ejected by the others, which releases the messages it had taken so another Worker handles them.
    /// </summary>
    public static void ApplyNodeHealthSettings(this WolverineOptions opts, MessagingOptions settings)
    {
        opts.Durability.HealthCheckPollingTime = TimeSpan.FromSeconds(settings.HealthCheckSeconds);
        opts.Durability.StaleNodeTimeout = TimeSpan.FromSeconds(settings.StaleNodeSeconds);
    }
}
