using System.Text.RegularExpressions;
using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Extensions;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Conditions;
using ArchUnitNET.Fluent.Predicates;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace PortailFamille.Architecture.Tests;

/// <summary>Messaging and naming conventions (DESIGN §1, STYLE §1 and §3).</summary>
public static class ConventionRules
{
    /// <summary>
    /// Every integration event has a Wolverine handler in a module: a public static class named *Handler with a
    /// public static Handle/HandleAsync taking an integration event (what Messaging.IsWolverineAdapter
    /// lets Wolverine discover), one of whose handler methods takes this event.
    /// </summary>
    public static IArchRule IntegrationEventsAreHandled(ArchitectureLayout layout) =>
        Types().That().FollowCustomPredicate(t => TypeFacts.IsIntegrationEvent(t, layout), "are integration events")
            .Should().FollowCustomCondition(new ArchitectureCondition<IType>((events, a) =>
            {
                var adapters = TypeFacts.WolverineAdapters(a, layout);
                return events.Select(e => new ConditionResult(e, adapters.Any(h => TypeFacts.AdapterHandles(h, e)),
                    "has no Wolverine handler (public static class *Handler with Handle/HandleAsync taking it) in any module"));
            }, "have a Wolverine handler in a module"))
            .Because("an event nobody handles is a durable write and a queue round trip for nothing, or a consumer someone forgot");

    /// <summary>Integration events and the requests in Contracts are sealed records without public setters.</summary>
    public static IArchRule MessagesAreSealedImmutableRecords(ArchitectureLayout layout) =>
        Types().That().FollowCustomPredicate(t => TypeFacts.IsIntegrationEvent(t, layout)
                || (Regex.IsMatch(t.Namespace.FullName, layout.AnyContracts) && TypeFacts.IsMediatorMessage(t)),
                "are integration events or Contracts requests")
            .Should().FollowCustomCondition(SealedImmutableRecord, "be sealed records without public setters")
            .Because("a message is a fact or a request frozen when sent (STYLE §3: public sealed records)");

    /// <summary>Commands, queries and events are named for what they do: no Command/Dto/Service suffix (nor anything in Contracts).</summary>
    public static IArchRule MessagesHaveNoTechnicalSuffix(ArchitectureLayout layout) =>
        Types().That().FollowCustomPredicate(t => TypeFacts.IsIntegrationEvent(t, layout)
                || (Regex.IsMatch(t.Namespace.FullName, layout.AnyModule) && TypeFacts.IsMediatorMessage(t))
                || (Regex.IsMatch(t.Namespace.FullName, layout.AnyContracts) && !t.IsCompilerGenerated),
                "are integration events, Mediator requests or Contracts types")
            .Should().FollowCustomCondition(t => new ConditionResult(t, !TechnicalSuffix.IsMatch(t.Name), $"is named {t.Name}"),
                "have no Command, Dto or Service suffix")
            .Because("STYLE §1: commands imperative (ConfirmCart), queries Get…/List…, events past-tense");

    /// <summary>A Mediator handler is named &lt;Request&gt;Handler and handles that one request.</summary>
    public static IArchRule MediatorHandlersAreNamedForTheirRequest(ArchitectureLayout layout) =>
        Types().That().FollowCustomPredicate(t => (Regex.IsMatch(t.Namespace.FullName, layout.AnyModule)
                    || Regex.IsMatch(t.Namespace.FullName, layout.CompositionAll)) && TypeFacts.IsMediatorHandler(t),
                "are Mediator handlers")
            .And().FollowCustomPredicate(new ArchitecturePredicate<IType>((t, a) => !TypeFacts.IsMediatorGenerated(t, a), "are not generated"))
            .Should().FollowCustomCondition(NamedForItsRequest, "be named <Request>Handler")
            .Because("STYLE §1: <Request>Handler, one request per handler, found by name from the request");

    private static readonly Regex TechnicalSuffix = new("(?:Command|Dto|DTO|Service)(?:`\\d+)?$", RegexOptions.CultureInvariant);

    private static ConditionResult SealedImmutableRecord(IType type)
    {
        var problems = new List<string>();
        if (type is not Class { IsRecord: true } @class) problems.Add("is not a record");
        else if (@class.IsSealed != true) problems.Add("is not sealed");
        problems.AddRange(type.GetPropertyMembers()
            .Where(p => p.Writability == Writability.Writable && p.SetterVisibility == Visibility.Public)
            .Select(p => $"has a public setter on {p.Name}"));
        problems.AddRange(type.GetFieldMembers()
            .Where(f => f.Visibility == Visibility.Public && f.IsStatic != true && f.Writability == Writability.Writable)
            .Select(f => $"has a public writable field {f.Name}"));
        return new ConditionResult(type, problems.Count == 0, string.Join(", ", problems));
    }

    private static ConditionResult NamedForItsRequest(IType handler)
    {
        var requests = TypeFacts.HandledRequests(handler).Select(r => r.Name).Distinct().ToList();
        if (requests.Count > 1) return new ConditionResult(handler, false, $"handles several requests ({string.Join(", ", requests)})");
        var expected = requests.Single() + "Handler";
        return new ConditionResult(handler, handler.Name == expected, $"handles {requests.Single()} and should be named {expected}");
    }
}
