using Microsoft.Extensions.DependencyInjection;
using PortailFamille.BuildingBlocks.Modules;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier;

/// <summary>Registration entry point of the Dossier module (family file: people, children, forms, documents).</summary>
public static class DossierModule
{
    public static IServiceCollection AddDossierModule(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<DossierDbContext, SqliteDossierDbContext, PostgresDossierDbContext>(database, DossierDbContext.Module);
        services.AddModuleServices(typeof(DossierModule).Assembly);
        return services;
    }
}
