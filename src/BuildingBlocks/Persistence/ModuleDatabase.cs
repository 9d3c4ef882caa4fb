using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wolverine.EntityFrameworkCore;

namespace PortailFamille.BuildingBlocks.Persistence;

/// <summary>Migrates one module's tables (each module owns its DbContext and its migrations per provider).</summary>
public interface IModuleDatabase
{
    string Module { get; }
    Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>Seeds one module's demo data; must do nothing when the data is already there.</summary>
public interface IDemoSeeder
{
    /// <summary>Seeders run by ascending order (accounts before what hangs on them).</summary>
    int Order { get; }
    Task SeedAsync(CancellationToken cancellationToken);
}

internal sealed class ModuleDatabase<TContext>(string module) : IModuleDatabase where TContext : DbContext
{
    public string Module => module;

    public async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        await context.Database.MigrateAsync(cancellationToken);
    }
}

public static class ModuleDatabaseRegistration
{
    /// <summary>
    /// Registers a module's DbContext on the configured provider. <typeparamref name="TSqlite"/> and
    /// <typeparamref name="TPostgres"/> only carry their provider's migrations; handlers use
    /// <typeparamref name="TContext"/>. Wolverine integration makes IDbContextOutbox&lt;TContext&gt;
    /// commit the change and its events in one transaction.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgres>(
        this IServiceCollection services, DatabaseOptions database, string module)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        if (database.IsSqlite)
        {
            services.AddDbContextWithWolverineIntegration<TSqlite>(o => o
                .UseSqlite(
                    database.ConnectionString,
                    sqlite => sqlite.MigrationsHistoryTable($"__ef_migrations_{module}"))
                // Wolverine maps its envelope tables with schema "main", which SQLite ignores anyway.
                .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.SqliteEventId.SchemaConfiguredWarning)));
            services.AddScoped<TContext>(sp => sp.GetRequiredService<TSqlite>());
        }
        else
        {
            services.AddDbContextWithWolverineIntegration<TPostgres>(o => o.UseNpgsql(
                database.ConnectionString,
                pg => pg.MigrationsHistoryTable("__ef_migrations", module)));
            services.AddScoped<TContext>(sp => sp.GetRequiredService<TPostgres>());
        }

        services.AddSingleton<IModuleDatabase>(new ModuleDatabase<TContext>(module));
        services.AddHealthChecks().AddDbContextCheck<TContext>($"db-{module}", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// SQLite has no schemas: every table of the module gets the module prefix ("notifications_news");
    /// on PostgreSQL the module owns a schema. Only the module's own entity types are touched.
    /// </summary>
    public static void ApplyModuleNaming(this ModelBuilder modelBuilder, DbContext context, string module)
    {
        var moduleAssembly = context.GetType().Assembly;
        var sqlite = context.Database.IsSqlite();
        if (!sqlite) modelBuilder.HasDefaultSchema(module);
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => e.ClrType.Assembly == moduleAssembly && e.GetTableName() is not null))
        {
            var table = entity.GetTableName()!;
            if (sqlite)
            {
                if (!table.StartsWith(module + "_", StringComparison.Ordinal)) entity.SetTableName($"{module}_{table}");
            }
            else
            {
                entity.SetSchema(module);
            }
        }
    }

    /// <summary>Applies every module's migrations, then (when asked) every module's demo data, once.</summary>
    public static async Task MigrateAndSeedAsync(this IServiceProvider services, bool seedDemoData, CancellationToken cancellationToken = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("PortailFamille.Database");
        foreach (var database in services.GetServices<IModuleDatabase>())
        {
            await database.MigrateAsync(services, cancellationToken);
            logger.LogInformation("Module {Module} migrated", database.Module);
        }

        if (!seedDemoData) return;
        await using var scope = services.CreateAsyncScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(cancellationToken);
        }
    }

    /// <summary>Configures SQLite once per file: WAL lets the Host read while the Worker writes.</summary>
    public static async Task PrepareSqliteAsync(DatabaseOptions database, CancellationToken cancellationToken = default)
    {
        if (!database.IsSqlite) return;
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
