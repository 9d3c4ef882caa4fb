using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using PortailFamille.Accounts;
using PortailFamille.Billing;
using PortailFamille.Dossier;
using PortailFamille.Notifications;
using PortailFamille.Reservations;

namespace PortailFamille.Architecture.Tests;

/// <summary>The rules hold on the real assemblies.</summary>
public sealed class PortailArchitectureTests
{
    private static readonly ArchitectureLayout Layout = new(
        "PortailFamille",
        ["Accounts", "Dossier", "Reservations", "Billing", "Notifications"],
        ["Host", "Worker", "Composition"]);

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Architecture = new(() => new ArchLoader().LoadAssemblies(
        typeof(AccountsModule).Assembly, typeof(Accounts.Contracts.SignIn).Assembly,
        typeof(DossierModule).Assembly, typeof(Dossier.Contracts.ListChildren).Assembly,
        typeof(ReservationsModule).Assembly, typeof(Reservations.Contracts.ListActivities).Assembly,
        typeof(BillingModule).Assembly, typeof(Billing.Contracts.GetWalletBalances).Assembly,
        typeof(NotificationsModule).Assembly, typeof(Notifications.Contracts.PublishNews).Assembly,
        typeof(BuildingBlocks.Results.Error).Assembly,
        typeof(PortailFamille.Host.Components.App).Assembly,
        typeof(Worker.WorkerApp).Assembly,
        typeof(Composition.PortailModules).Assembly,
        // EF Core itself, so that a DbContext's base classes resolve (an unloaded base class is not seen as one).
        typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly).Build());

    [Fact]
    public void Modules_meet_only_through_their_contracts() =>
        ArchitectureRules.ModulesMeetOnlyThroughContracts(Layout).Check(Architecture.Value);

    [Fact]
    public void Contracts_depend_on_nothing_internal() =>
        ArchitectureRules.ContractsDependOnNothingInternal(Layout).Check(Architecture.Value);

    [Fact]
    public void Host_and_worker_use_module_internals_only_to_register() =>
        ArchitectureRules.CompositionRootsUseInternalsOnlyToRegister(Layout).Check(Architecture.Value);

    [Fact]
    public void Slice_handlers_are_not_public() =>
        ArchitectureRules.SliceHandlersAreNotPublic(Layout).Check(Architecture.Value);

    [Fact]
    public void The_mediator_namespace_holds_only_generated_code() =>
        ArchitectureRules.MediatorNamespaceHoldsOnlyGeneratedCode(Layout).Check(Architecture.Value);

    [Fact]
    public void Module_dbcontexts_and_entities_are_not_public() =>
        ArchitectureRules.ModulePersistenceIsNotPublic(Layout).Check(Architecture.Value);

    [Fact]
    public void Building_blocks_depend_on_no_module() =>
        ArchitectureRules.BuildingBlocksDependOnNoModule(Layout).Check(Architecture.Value);

    [Fact]
    public void Every_integration_event_has_a_handler() =>
        ConventionRules.IntegrationEventsAreHandled(Layout).Check(Architecture.Value);

    [Fact]
    public void Events_and_contract_requests_are_sealed_immutable_records() =>
        ConventionRules.MessagesAreSealedImmutableRecords(Layout).Check(Architecture.Value);

    [Fact]
    public void Messages_have_no_technical_suffix() =>
        ConventionRules.MessagesHaveNoTechnicalSuffix(Layout).Check(Architecture.Value);

    [Fact]
    public void Mediator_handlers_are_named_for_their_request() =>
        ConventionRules.MediatorHandlersAreNamedForTheirRequest(Layout).Check(Architecture.Value);

    [Fact]
    public void The_handler_rule_sees_the_adapters_wolverine_discovers()
    {
        // The rule reads metadata; Wolverine's discovery runs Messaging.IsWolverineAdapter on the loaded types.
        System.Reflection.Assembly[] modules = [typeof(AccountsModule).Assembly, typeof(DossierModule).Assembly,
            typeof(ReservationsModule).Assembly, typeof(BillingModule).Assembly, typeof(NotificationsModule).Assembly];
        var discovered = modules.SelectMany(a => a.GetTypes())
            .Where(BuildingBlocks.Messaging.Messaging.IsWolverineAdapter)
            .Select(t => t.FullName!).Order().ToList();
        var seen = TypeFacts.WolverineAdapters(Architecture.Value, Layout).Select(t => t.FullName).Order().ToList();
        Assert.True(discovered.Count >= 10, $"only {discovered.Count} adapters discovered");
        Assert.Equal(discovered, seen);
    }

    [Fact]
    public void The_rules_see_the_real_types()
    {
        // Guard against a rule that passes because its namespace pattern matches nothing.
        var names = Architecture.Value.Types.Select(t => t.FullName).ToHashSet();
        Assert.Contains("PortailFamille.Notifications.Features.PublishNewsHandler", names);
        Assert.Contains("PortailFamille.Notifications.Contracts.PublishNews", names);
        Assert.Contains("PortailFamille.Host.Composition.HostComposition", names);
        Assert.Contains("PortailFamille.Worker.WorkerApp", names);
        var handlers = Architecture.Value.Types.Count(t => t.FullName.StartsWith("PortailFamille.") && t.FullName.EndsWith("Handler")
            && t.ImplementedInterfaces.Any(i => i.FullName.StartsWith("Mediator.")));
        Assert.True(handlers >= 10, $"only {handlers} Mediator handlers found");
        var confirmCart = Architecture.Value.Types.Single(t => t.FullName == "PortailFamille.Reservations.Features.ConfirmCartHandler");
        Assert.Equal("PortailFamille.Reservations.Contracts.ConfirmCart", Assert.Single(TypeFacts.HandledRequests(confirmCart)).FullName);
        var contexts = Architecture.Value.Types.Count(t => t.FullName.StartsWith("PortailFamille.") && TypeFacts.IsDbContext(t));
        Assert.True(contexts >= 15, $"only {contexts} DbContexts found (5 modules, a base and two providers each)");
        Assert.Contains("PortailFamille.Reservations.Features.CalendarFeed", TypeFacts.EntityTypes(Architecture.Value, Layout));
        var events = Architecture.Value.Types.Count(t => TypeFacts.IsIntegrationEvent(t, Layout));
        Assert.True(events >= 10, $"only {events} integration events found");
        var generated = Architecture.Value.Types.Count(t => t.FullName.StartsWith("PortailFamille.Host.Mediation.") && TypeFacts.IsMediatorGenerated(t, Architecture.Value));
        Assert.True(generated >= 10, $"only {generated} Mediator-generated types found in Host");
    }
}

/// <summary>Each rule catches its planted violations in the fixture assembly, and only those.</summary>
public sealed class ArchitectureRulesBiteTests
{
    private static readonly ArchitectureLayout Layout = new("ArchFixture", ["Alpha", "Beta"], ["Host"]);

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Fixture = new(() => new ArchLoader().LoadAssemblies(
        typeof(ArchFixture.Alpha.AlphaModule).Assembly, typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly).Build());

    [Fact]
    public void Module_rule_catches_a_module_reaching_into_another() =>
        AssertViolatedOnlyBy(ArchitectureRules.ModulesMeetOnlyThroughContracts(Layout), "ArchFixture.Beta.Features.ViolationReachesIntoAlpha");

    [Fact]
    public void Contracts_rule_catches_a_contract_exposing_an_internal_type() =>
        AssertViolatedOnlyBy(ArchitectureRules.ContractsDependOnNothingInternal(Layout), "ArchFixture.Alpha.Contracts.ViolationLeakyContract");

    [Fact]
    public void Composition_rule_catches_a_page_and_hand_written_mediation_code_using_internals_but_spares_generated_code() =>
        AssertViolatedOnlyBy(ArchitectureRules.CompositionRootsUseInternalsOnlyToRegister(Layout),
            "ArchFixture.Host.Pages.ViolationPageUsesEntity", "ArchFixture.Host.Mediation.ViolationHandWrittenInMediation");

    [Fact]
    public void Mediation_rule_catches_hand_written_code_in_the_generator_namespace() =>
        AssertViolatedOnlyBy(ArchitectureRules.MediatorNamespaceHoldsOnlyGeneratedCode(Layout), "ArchFixture.Host.Mediation.ViolationHandWrittenInMediation");

    [Fact]
    public void Handler_rule_catches_a_public_handler() =>
        AssertViolatedOnlyBy(ArchitectureRules.SliceHandlersAreNotPublic(Layout), "ArchFixture.Alpha.Features.ViolationPublicHandler");

    [Fact]
    public void Persistence_rule_catches_a_public_dbcontext_and_a_public_entity() =>
        AssertViolatedOnlyBy(ArchitectureRules.ModulePersistenceIsNotPublic(Layout),
            "ArchFixture.Alpha.Persistence.ViolationPublicDbContext", "ArchFixture.Beta.Features.ViolationPublicEntity");

    [Fact]
    public void Building_blocks_rule_catches_the_kernel_naming_a_module() =>
        AssertViolatedOnlyBy(ArchitectureRules.BuildingBlocksDependOnNoModule(Layout), "ArchFixture.BuildingBlocks.ViolationKernelKnowsAModule");

    [Fact]
    public void Event_rule_catches_an_unhandled_event_and_one_whose_adapter_is_not_static() =>
        AssertViolatedOnlyBy(ConventionRules.IntegrationEventsAreHandled(Layout),
            "ArchFixture.Alpha.Contracts.ViolationUnhandledEvent", "ArchFixture.Alpha.Contracts.ViolationEventWithNonStaticHandler");

    [Fact]
    public void Record_rule_catches_a_mutable_event_and_an_unsealed_request() =>
        AssertViolatedOnlyBy(ConventionRules.MessagesAreSealedImmutableRecords(Layout),
            "ArchFixture.Alpha.Contracts.ViolationMutableEvent", "ArchFixture.Alpha.Contracts.ViolationOpenRequest");

    [Fact]
    public void Suffix_rule_catches_a_command_named_command() =>
        AssertViolatedOnlyBy(ConventionRules.MessagesHaveNoTechnicalSuffix(Layout), "ArchFixture.Alpha.Contracts.ViolationRenameAlphaCommand");

    [Fact]
    public void Handler_name_rule_catches_a_handler_not_named_for_its_request() =>
        AssertViolatedOnlyBy(ConventionRules.MediatorHandlersAreNamedForTheirRequest(Layout), "ArchFixture.Beta.Features.ViolationMisnamedHandler");

    private static void AssertViolatedOnlyBy(IArchRule rule, params string[] expectedViolators)
    {
        Assert.False(rule.HasNoViolations(Fixture.Value), "the rule should fail on the fixture");
        var failing = rule.Evaluate(Fixture.Value)
            .Where(r => !r.Passed)
            .Select(r => r.EvaluatedObjectIdentifier.Identifier)
            .Distinct()
            .Order()
            .ToList();
        Assert.Equal(expectedViolators.Order(), failing);
    }
}
