using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using PortailFamille.BuildingBlocks.Mediation;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Host.Composition;

/// <summary>
/// Who is acting in this DI scope: the circuit's user when a component sends (set by <see cref="ScopedSender"/>), else the
/// request's user. Null outside any request — start-up seeding, tests sending directly — where no person acts.
/// </summary>
internal sealed class ActingUser(IHttpContextAccessor http)
{
    private ClaimsPrincipal? _principal;

    public ClaimsPrincipal? Principal
    {
        get => _principal ?? http.HttpContext?.User;
        set => _principal = value;
    }
}

/// <summary>
/// The mediator's authorisation (<see cref="AuthorizationBehavior{TMessage,TResponse}"/>) in the Host: a staff-only message
/// needs the policy of <see cref="StaffActions"/>; a family may only name its own family in a message.
/// </summary>
internal sealed class ActionAuthorizer(ActingUser acting, IAuthorizationService authorization) : IActionAuthorizer
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> FamilyProperty = new();

    public async ValueTask<Error?> RefusalForAsync(object message, CancellationToken cancellationToken)
    {
        if (acting.Principal is not { } user) return null; // no person acts: start-up, tests' direct sends
        var type = message.GetType();
        if (StaffActions.PolicyByMessage.TryGetValue(type, out var policy))
            return (await authorization.AuthorizeAsync(user, policy)).Succeeded ? null : StaffActions.Forbidden;

        if (PortailClaims.FamilyIdOf(user) is { } ownId
            && FamilyProperty.GetOrAdd(type, t => t.GetProperty("FamilyAccountId")) is { } property)
        {
            // A family's message names its own family: never another's, never none (null means « any family » to staff queries).
            var named = property.GetValue(message) as Guid?;
            if (named != ownId) return StaffActions.OtherFamily;
        }

        return null;
    }
}
