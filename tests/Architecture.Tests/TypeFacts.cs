using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Extensions;

namespace PortailFamille.Architecture.Tests;

/// <summary>What the rules need to know about a type, read from the loaded assemblies (no reflection).</summary>
internal static class TypeFacts
{
    private const string DbContext = "Microsoft.EntityFrameworkCore.DbContext";
    private const string DbSet = "Microsoft.EntityFrameworkCore.DbSet`1";
    // Put on migrations and model snapshots by EF's tools (DbContextAttribute lives in EF Core itself, so it resolves).
    private const string EfDbContextAttribute = "Microsoft.EntityFrameworkCore.Infrastructure.DbContextAttribute";
    private const string GeneratedCode = "System.CodeDom.Compiler.GeneratedCodeAttribute";
    private const string MediatorGenerator = "Mediator.SourceGenerator";

    // Method names Wolverine recognises as handlers on a type it includes (its HandlerDiscovery conventions).
    private static readonly HashSet<string> WolverineHandlerMethods =
        ["Handle", "HandleAsync", "Handles", "HandlesAsync", "Consume", "ConsumeAsync", "Consumes", "ConsumesAsync"];

    private static readonly Regex MediatorHandlerInterface =
        new(@"^Mediator\.I(?:Command|Query|Request|Notification|StreamCommand|StreamQuery|StreamRequest)Handler`\d+$", RegexOptions.CultureInvariant);

    private static readonly ConditionalWeakTable<ArchUnitNET.Domain.Architecture, Dictionary<string, IType>> ByName = new();
    private static readonly ConditionalWeakTable<ArchUnitNET.Domain.Architecture, ConditionalWeakTable<ArchitectureLayout, HashSet<string>>> Entities = new();

    public static bool IsMediatorHandler(IType type) =>
        type.GetImplementsInterfaceDependencies().Any(d => MediatorHandlerInterface.IsMatch(d.Target.FullName));

    /// <summary>The requests (first generic argument) of the Mediator handler interfaces the type implements.</summary>
    public static IEnumerable<IType> HandledRequests(IType type) =>
        type.GetImplementsInterfaceDependencies()
            .Where(d => MediatorHandlerInterface.IsMatch(d.Target.FullName))
            .Select(d => d.TargetGenericArguments.First().Type);

    /// <summary>A command, query, request or notification (every Mediator message implements Mediator.IMessage).</summary>
    public static bool IsMediatorMessage(IType type) =>
        type is Class && type.ImplementedInterfaces.Any(i => i.FullName == "Mediator.IMessage");

    public static bool IsIntegrationEvent(IType type, ArchitectureLayout layout) =>
        type is Class { IsAbstract: not true } && type.ImplementedInterfaces.Any(i => i.FullName == layout.IntegrationEventInterface);

    /// <summary>Mirrors Messaging.IsWolverineAdapter: public static class *Handler, in a module, with a public static Handle/HandleAsync taking an event or a recurring job.</summary>
    public static bool IsWolverineAdapter(IType type, ArchUnitNET.Domain.Architecture architecture, ArchitectureLayout layout) =>
        type is Class { Visibility: Visibility.Public, IsNested: false, IsAbstract: true, IsSealed: true }
        && type.Name.EndsWith("Handler", StringComparison.Ordinal)
        && Regex.IsMatch(type.Namespace.FullName, layout.ModuleInternals(layout.Modules))
        && PublicStaticMethods(type).Any(m => ShortName(m) is "Handle" or "HandleAsync"
            && m.Parameters.FirstOrDefault() is { } first && TakesWolverineMessage(Resolve(first, architecture), layout));

    public static IReadOnlyList<IType> WolverineAdapters(ArchUnitNET.Domain.Architecture architecture, ArchitectureLayout layout) =>
        architecture.Types.Where(t => IsWolverineAdapter(t, architecture, layout)).ToList();

    /// <summary>Whether one of the adapter's handler methods takes the event (or a type the event is assignable to).</summary>
    public static bool AdapterHandles(IType adapter, IType integrationEvent) =>
        PublicStaticMethods(adapter).Any(m => WolverineHandlerMethods.Contains(ShortName(m))
            && m.Parameters.FirstOrDefault() is { } first && IsAssignable(integrationEvent, first));

    public static bool IsDbContext(IType type) =>
        type is Class @class && @class.InheritedClasses.Any(b => b.FullName == DbContext);

    /// <summary>The types a module DbContext maps as DbSet&lt;T&gt;.</summary>
    public static HashSet<string> EntityTypes(ArchUnitNET.Domain.Architecture architecture, ArchitectureLayout layout) =>
        Entities.GetOrCreateValue(architecture).GetValue(layout, l => architecture.Types
            .Where(t => IsDbContext(t) && Regex.IsMatch(t.Namespace.FullName, l.AnyModule))
            .SelectMany(t => t.GetPropertyMembers())
            .Where(p => p.Type.FullName == DbSet)
            .Select(p => p.GenericArguments.First().Type.FullName)
            .ToHashSet());

    /// <summary>Migrations and model snapshots, which EF's tools write public and mark [DbContext(typeof(…))].</summary>
    public static bool IsEfToolingGenerated(IType type) =>
        !IsDbContext(type) && type.AttributeInstances.Any(a => a.Type.FullName == EfDbContextAttribute);

    /// <summary>Public, and so is every type it is nested in.</summary>
    public static bool IsVisibleOutsideAssembly(IType type, ArchUnitNET.Domain.Architecture architecture) =>
        type.Visibility == Visibility.Public && (!type.IsNested || DeclaringType(type, architecture) is not { } outer || IsVisibleOutsideAssembly(outer, architecture));

    /// <summary>Marked [GeneratedCode("Mediator.SourceGenerator")], or nested in a type that is (its async state machines, closures).</summary>
    public static bool IsMediatorGenerated(IType type, ArchUnitNET.Domain.Architecture architecture) =>
        type.AttributeInstances.Any(a => a.Type.FullName == GeneratedCode
            && a.AttributeArguments.FirstOrDefault()?.Value is string tool && tool.StartsWith(MediatorGenerator, StringComparison.Ordinal))
        || (type.IsNested && DeclaringType(type, architecture) is { } outer && IsMediatorGenerated(outer, architecture));

    /// <summary>The generator's container probes (Internals.ContainerProbe0, ContainerProbe1, IContainerProbe) carry no attribute.</summary>
    public static bool IsMediatorContainerProbe(IType type) =>
        type.Namespace.FullName.EndsWith(".Mediation.Internals", StringComparison.Ordinal)
        && Regex.IsMatch(type.Name, @"^I?ContainerProbe\d*$") && !type.IsNested && type.Visibility != Visibility.Public;

    private static IType? DeclaringType(IType nested, ArchUnitNET.Domain.Architecture architecture)
    {
        var plus = nested.FullName.LastIndexOf('+');
        return plus < 0 ? null : Index(architecture).GetValueOrDefault(nested.FullName[..plus]);
    }

    /// <summary>The loaded type of that name: a method parameter's type is a reference that does not carry the type's interfaces.</summary>
    private static IType Resolve(IType reference, ArchUnitNET.Domain.Architecture architecture) =>
        Index(architecture).GetValueOrDefault(reference.FullName) ?? reference;

    private static Dictionary<string, IType> Index(ArchUnitNET.Domain.Architecture architecture) =>
        ByName.GetValue(architecture, a => a.Types.GroupBy(t => t.FullName).ToDictionary(g => g.Key, g => g.First()));

    /// <summary>ArchUnitNET names a method with its signature: "Handle(Ns.Event,System.Threading.CancellationToken)".</summary>
    private static string ShortName(MethodMember method) => method.Name.Split('(')[0];

    private static IEnumerable<MethodMember> PublicStaticMethods(IType type) =>
        type.GetMethodMembers().Where(m => m.IsStatic == true && m.Visibility == Visibility.Public);

    private static bool TakesWolverineMessage(IType parameter, ArchitectureLayout layout) =>
        new[] { layout.IntegrationEventInterface, layout.ScheduledJobInterface }
            .Any(contract => parameter.FullName == contract || parameter.ImplementedInterfaces.Any(i => i.FullName == contract));

    private static bool IsAssignable(IType from, IType to) =>
        from.FullName == to.FullName
        || from.ImplementedInterfaces.Any(i => i.FullName == to.FullName)
        || (from is Class @class && @class.InheritedClasses.Any(b => b.FullName == to.FullName));
}
