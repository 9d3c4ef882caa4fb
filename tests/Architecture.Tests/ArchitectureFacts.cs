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
        ["Host", "Worker"]);

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Architecture = new(() => new ArchLoader().LoadAssemblies(
        typeof(AccountsModule).Assembly, typeof(Accounts.Contracts.SignIn).Assembly,
        typeof(DossierModule).Assembly, typeof(Dossier.Contracts.ListChildren).Assembly,
        typeof(ReservationsModule).Assembly, typeof(Reservations.Contracts.ListActivities).Assembly,
        typeof(BillingModule).Assembly, typeof(Billing.Contracts.GetWalletBalances).Assembly,
        typeof(NotificationsModule).Assembly, typeof(Notifications.Contracts.PublishNews).Assembly,
        typeof(BuildingBlocks.Results.Error).Assembly,
        typeof(PortailFamille.Host.Components.App).Assembly,
        typeof(Worker.WorkerApp).Assembly).Build());

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
    }
}

/// <summary>Each rule catches its planted violation in the fixture assembly, and only that.</summary>
public sealed class ArchitectureRulesBiteTests
{
    private static readonly ArchitectureLayout Layout = new("ArchFixture", ["Alpha", "Beta"], ["Host"]);

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Fixture = new(() =>
        new ArchLoader().LoadAssemblies(typeof(ArchFixture.Alpha.AlphaModule).Assembly).Build());

    [Fact]
    public void Module_rule_catches_a_module_reaching_into_another() =>
        AssertViolatedOnlyBy(ArchitectureRules.ModulesMeetOnlyThroughContracts(Layout), "ArchFixture.Beta.Features.ViolationReachesIntoAlpha");

    [Fact]
    public void Contracts_rule_catches_a_contract_exposing_an_internal_type() =>
        AssertViolatedOnlyBy(ArchitectureRules.ContractsDependOnNothingInternal(Layout), "ArchFixture.Alpha.Contracts.ViolationLeakyContract");

    [Fact]
    public void Composition_rule_catches_a_page_using_an_internal_type() =>
        AssertViolatedOnlyBy(ArchitectureRules.CompositionRootsUseInternalsOnlyToRegister(Layout), "ArchFixture.Host.Pages.ViolationPageUsesEntity");

    [Fact]
    public void Handler_rule_catches_a_public_handler() =>
        AssertViolatedOnlyBy(ArchitectureRules.SliceHandlersAreNotPublic(Layout), "ArchFixture.Alpha.Features.ViolationPublicHandler");

    private static void AssertViolatedOnlyBy(IArchRule rule, string expectedViolator)
    {
        Assert.False(rule.HasNoViolations(Fixture.Value), "the rule should fail on the fixture");
        var failing = rule.Evaluate(Fixture.Value)
            .Where(r => !r.Passed)
            .Select(r => r.EvaluatedObjectIdentifier.Identifier)
            .Distinct()
            .ToList();
        Assert.Equal([expectedViolator], failing);
    }
}
