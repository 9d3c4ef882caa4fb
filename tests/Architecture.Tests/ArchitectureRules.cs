using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace PortailFamille.Architecture.Tests;

/// <summary>
/// Where things live: module M's public surface is namespace Root.M.Contracts; everything else
/// under Root.M is internal to M. Composition roots (Host, Worker) may touch a module's internals
/// only through its registration entry point (a type named *Module) and in the code the Mediator
/// source generator writes for them (namespace Root.Host.Mediation).
/// </summary>
public sealed record ArchitectureLayout(string Root, IReadOnlyList<string> Modules, IReadOnlyList<string> CompositionRoots)
{
    public string ModuleInternals(IEnumerable<string> modules) =>
        $@"^{Esc(Root)}\.(?:{string.Join('|', modules.Select(Esc))})(?:\.(?!Contracts(?:\.|$)).*)?$";

    public string ModuleAll(string module) => $@"^{Esc(Root)}\.{Esc(module)}(?:\..*)?$";

    public string AnyContracts => $@"^{Esc(Root)}\.[^.]+\.Contracts(?:\..*)?$";

    public string CompositionCode =>
        $@"^{Esc(Root)}\.(?:{string.Join('|', CompositionRoots.Select(Esc))})(?:\.(?!Mediation(?:\.|$)).*)?$";

    public string CompositionAll => $@"^{Esc(Root)}\.(?:{string.Join('|', CompositionRoots.Select(Esc))})(?:\..*)?$";

    private static string Esc(string s) => System.Text.RegularExpressions.Regex.Escape(s);
}

public static class ArchitectureRules
{
    /// <summary>A module depends on another only through that module's Contracts.</summary>
    public static IArchRule ModulesMeetOnlyThroughContracts(ArchitectureLayout layout)
    {
        IArchRule? rule = null;
        foreach (var module in layout.Modules)
        {
            var others = layout.Modules.Where(m => m != module).ToList();
            var moduleRule = Types().That().ResideInNamespaceMatching(layout.ModuleAll(module))
                .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(layout.ModuleInternals(others)))
                .Because($"module {module} may use other modules only through their Contracts");
            rule = rule is null ? moduleRule : rule.And(moduleRule);
        }

        return rule!;
    }

    /// <summary>Contracts depend on nothing internal: no module internals, no composition root.</summary>
    public static IArchRule ContractsDependOnNothingInternal(ArchitectureLayout layout) =>
        Types().That().ResideInNamespaceMatching(layout.AnyContracts)
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(layout.ModuleInternals(layout.Modules))
                .Or().ResideInNamespaceMatching(layout.CompositionAll))
            .Because("a Contracts assembly is the public surface of its module");

    /// <summary>Host and Worker reach a module's internals only through its registration entry point.</summary>
    public static IArchRule CompositionRootsUseInternalsOnlyToRegister(ArchitectureLayout layout) =>
        Types().That().ResideInNamespaceMatching(layout.CompositionCode)
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(layout.ModuleInternals(layout.Modules))
                .And().DoNotHaveNameEndingWith("Module"))
            .Because("pages and endpoints send requests through the mediator; only registration may see internals");

    /// <summary>Mediator slice handlers are internal (Wolverine adapters are plain public static classes).</summary>
    public static IArchRule SliceHandlersAreNotPublic(ArchitectureLayout layout) =>
        Types().That().ResideInNamespaceMatching(layout.ModuleInternals(layout.Modules))
            .And().FollowCustomPredicate(IsMediatorHandler, "implement a Mediator handler interface")
            .Should().NotBePublic()
            .Because("slices are internal sealed; the source generator in Host/Worker sees them through InternalsVisibleTo");

    private static bool IsMediatorHandler(IType type) =>
        type.ImplementedInterfaces.Any(i => i.FullName.StartsWith("Mediator.ICommandHandler", StringComparison.Ordinal)
            || i.FullName.StartsWith("Mediator.IQueryHandler", StringComparison.Ordinal)
            || i.FullName.StartsWith("Mediator.IRequestHandler", StringComparison.Ordinal)
            || i.FullName.StartsWith("Mediator.INotificationHandler", StringComparison.Ordinal));
}
