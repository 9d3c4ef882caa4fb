using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PortailFamille.BuildingBlocks.Configuration;
using PortailFamille.BuildingBlocks.Modules;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.Dossier.Domain;
using PortailFamille.Dossier.Features;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier;

/// <summary>Dossier: Dossier:RetentionMonths, months without change before staff may erase a dossier (RGPD; 36).</summary>
internal sealed class DossierOptions
{
    public const string Section = "Dossier";

    public int RetentionMonths { get; set; } = 36;

    public static readonly SettingRules<DossierOptions> Rules = new SettingRules<DossierOptions>()
        .Require("Dossier:RetentionMonths", o => o.RetentionMonths, m => m > 0, "a whole number of months above 0");
}

/// <summary>Registration entry point of the Dossier module (family file: people, children, forms, documents).</summary>
public static class DossierModule
{
    public static IServiceCollection AddDossierModule(this IServiceCollection services, DatabaseOptions database, IConfiguration configuration)
    {
        services.AddModuleDbContext<DossierDbContext, SqliteDossierDbContext, PostgresDossierDbContext>(database, DossierDbContext.Module);
        services.AddModuleServices(typeof(DossierModule).Assembly);
        services.AddSingleton(new DocumentStoreOptions(DocumentsRoot(configuration, database)));
        services.AddSingleton<IDocumentStore, FileSystemDocumentStore>();
        var settings = Settings.Read(configuration, DossierOptions.Section, DossierOptions.Rules);
        services.AddSingleton(new RetentionOptions(settings.RetentionMonths));
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
