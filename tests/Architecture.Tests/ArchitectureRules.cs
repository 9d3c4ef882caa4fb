using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Conditions;
using ArchUnitNET.Fluent.Predicates;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace PortailFamille.Architecture.Tests;

/// <summary>
/// Where things live: module M's public surface is namespace Root.M.Contracts; everything else
/// under Root.M is internal to M. The shared kernel is Root.BuildingBlocks, integration events implement
/// Root.BuildingBlocks.Messaging.IIntegrationEvent. Composition roots (Host, Worker) may touch a module's
/// internals only through its registration entry point (a type named *Module) and in the code the Mediator
/// source generator writes for them (marked [GeneratedCode("Mediator.SourceGenerator")], in Root.Host.Mediation).
/// </summary>
public sealed record ArchitectureLayout(string Root, IReadOnlyList<string> Modules, IReadOnlyList<string> CompositionRoots)
{
    public string ModuleInternals(IEnumerable<string> modules) =>
        $@"^{Esc(Root)}\.(?:{string.Join('|', modules.Select(Esc))})(?:\.(?!Contracts(?:\.|$)).*)?$";

    public string ModuleAll(string module) => $@"^{Esc(Root)}\.{Esc(module)}(?:\..*)?$";

    /// <summary>Every module, Contracts included.</summary>
    public string AnyModule => $@"^{Esc(Root)}\.(?:{string.Join('|', Modules.Select(Esc))})(?:\..*)?$";

    public string AnyContracts => $@"^{Esc(Root)}\.[^.]+\.Contracts(?:\..*)?$";

    /// <summary>Where a module keeps its entities and its DbContext.</summary>
    public string ModuleStorage => $@"^{Esc(Root)}\.(?:{string.Join('|', Modules.Select(Esc))})\.(?:Domain|Persistence)(?:\..*)?$";

    public string CompositionAll => $@"^{Esc(Root)}\.(?:{string.Join('|', CompositionRoots.Select(Esc))})(?:\..*)?$";

    /// <summary>The namespace each composition root gives the Mediator source generator (MediatorOptions.Namespace).</summary>
    public string MediatorGeneratedNamespaces => $@"^{Esc(Root)}\.(?:{string.Join('|', CompositionRoots.Select(Esc))})\.Mediation(?:\..*)?$";

    public string BuildingBlocks => $@"^{Esc(Root)}\.BuildingBlocks(?:\..*)?$";

    public string IntegrationEventInterface => $"{Root}.BuildingBlocks.Messaging.IIntegrationEvent";

    /// <summary>Recurring jobs (Wolverine scheduled messages) are handled by the same kind of adapter.</summary>
    public string ScheduledJobInterface => $"{Root}.BuildingBlocks.Messaging.IScheduledJob";

    private static string Esc(string s) => System.Text.RegularExpressions.Regex.Escape(s);
}

/// <summary>Dependencies and visibility: who may see what.</summary>
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

    /// <summary>
    /// Host and Worker reach a module's internals only through its registration entry point. The one exemption
    /// is the code the Mediator source generator writes (it must name every handler); hand-written code in the
    /// generator's namespace is checked like any other.
    /// </summary>
    public static IArchRule CompositionRootsUseInternalsOnlyToRegister(ArchitectureLayout layout) =>
        Types().That().ResideInNamespaceMatching(layout.CompositionAll)
            .And().FollowCustomPredicate(new ArchitecturePredicate<IType>((t, a) => !TypeFacts.IsMediatorGenerated(t, a),
                "are not written by the Mediator source generator"))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(layout.ModuleInternals(layout.Modules))
                .And().DoNotHaveNameEndingWith("Module"))
            .Because("pages and endpoints send requests through the mediator; only registration may see internals");

    /// <summary>The Mediator generator's namespace holds its code only, so the exemption above covers nothing hand-written.</summary>
    public static IArchRule MediatorNamespaceHoldsOnlyGeneratedCode(ArchitectureLayout layout) =>
        Types().That().ResideInNamespaceMatching(layout.MediatorGeneratedNamespaces)
            .Should().FollowCustomCondition(new ArchitectureCondition<IType>((types, a) => types.Select(t =>
                    new ConditionResult(t, TypeFacts.IsMediatorGenerated(t, a) || TypeFacts.IsMediatorContainerProbe(t),
                        "is not marked [GeneratedCode(\"Mediator.SourceGenerator\")] nor nested in a type that is")),
                "be written by the Mediator source generator"))
            .Because("the namespace is MediatorOptions.Namespace: hand-written code belongs elsewhere in Host/Worker");

    /// <summary>Mediator slice handlers are internal (Wolverine adapters are plain public static classes).</summary>
    public static IArchRule SliceHandlersAreNotPublic(ArchitectureLayout layout) =>
        Types().That().ResideInNamespaceMatching(layout.ModuleInternals(layout.Modules))
            .And().FollowCustomPredicate(TypeFacts.IsMediatorHandler, "implement a Mediator handler interface")
            .Should().NotBePublic()
            .Because("slices are internal sealed; the source generator in Host/Worker sees them through InternalsVisibleTo");

    /// <summary>
    /// A module's DbContexts and entity types are not visible outside its assembly: anything deriving from
    /// DbContext, anything a module DbContext maps as a DbSet (wherever it lives), anything in Domain/ or
    /// Persistence/ (except the migrations and model snapshots EF's tools generate public).
    /// </summary>
    public static IArchRule ModulePersistenceIsNotPublic(ArchitectureLayout layout) =>
        Types().That().ResideInNamespaceMatching(layout.AnyModule)
            .And().FollowCustomPredicate(new ArchitecturePredicate<IType>((t, a) => TypeFacts.IsDbContext(t)
                    || TypeFacts.EntityTypes(a, layout).Contains(t.FullName)
                    || (System.Text.RegularExpressions.Regex.IsMatch(t.Namespace.FullName, layout.ModuleStorage) && !TypeFacts.IsEfToolingGenerated(t)),
                "are a module's DbContexts, entities or domain types"))
            .Should().FollowCustomCondition(new ArchitectureCondition<IType>((types, a) => types.Select(t =>
                    new ConditionResult(t, !TypeFacts.IsVisibleOutsideAssembly(t, a), "is public")),
                "not be visible outside their module"))
            .Because("entities stay in the module and no one else opens its DbContext (STYLE §3: all else, DbContext included, is internal)");

    /// <summary>BuildingBlocks is the shared kernel: it knows no module (neither Contracts nor internals) and no composition root.</summary>
    public static IArchRule BuildingBlocksDependOnNoModule(ArchitectureLayout layout) =>
        Types().That().ResideInNamespaceMatching(layout.BuildingBlocks)
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(layout.AnyModule)
                .Or().ResideInNamespaceMatching(layout.CompositionAll))
            .Because("every module depends on BuildingBlocks; BuildingBlocks depending back would tie them all together");
}
