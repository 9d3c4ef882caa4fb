using System.Reflection;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using PortailFamille.BuildingBlocks.Persistence;

namespace PortailFamille.BuildingBlocks.Modules;

public static class ModuleScanning
{
    /// <summary>
    /// Scrutor scan of one module assembly: its validators and demo seeders (internal types included).
    /// Mediator handlers are registered by the source generator of the composing process.
    /// </summary>
    public static IServiceCollection AddModuleServices(this IServiceCollection services, Assembly moduleAssembly)
    {
        services.Scan(scan => scan
            .FromAssemblies(moduleAssembly)
            .AddClasses(c => c.AssignableTo(typeof(IValidator<>)), publicOnly: false)
                .AsImplementedInterfaces()
                .WithTransientLifetime()
            .AddClasses(c => c.AssignableTo<IDemoSeeder>(), publicOnly: false)
                .As<IDemoSeeder>()
                .WithScopedLifetime());
        return services;
    }
}
