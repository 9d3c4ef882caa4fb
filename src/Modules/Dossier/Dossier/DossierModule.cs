using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PortailFamille.BuildingBlocks.Modules;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.Dossier.Domain;
using PortailFamille.Dossier.Features;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier;

/// <summary>Registration entry point of the Dossier module (family file: people, children, forms, documents).</summary>
public static class DossierModule
{
    public static IServiceCollection AddDossierModule(this IServiceCollection services, DatabaseOptions database, IConfiguration configuration)
    {
        services.AddModuleDbContext<DossierDbContext, SqliteDossierDbContext, PostgresDossierDbContext>(database, DossierDbContext.Module);
        services.AddModuleServices(typeof(DossierModule).Assembly);
        services.AddSingleton(new DocumentStoreOptions(DocumentsRoot(configuration, database)));
        services.AddSingleton<IDocumentStore, FileSystemDocumentStore>();
        services.AddSingleton(new RetentionOptions(configuration.GetValue("Dossier:RetentionMonths", 36)));
        return services;
    }

    /// <summary>Documents:Root, else data/documents beside the SQLite database (never under wwwroot).</summary>
    private static string DocumentsRoot(IConfiguration configuration, DatabaseOptions database)
    {
        if (configuration["Documents:Root"] is { Length: > 0 } root) return Path.GetFullPath(root);
        if (database.IsSqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            var directory = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(directory)) return Path.Combine(directory, "documents");
        }

        return Path.Combine(AppContext.BaseDirectory, "data", "documents");
    }
}
