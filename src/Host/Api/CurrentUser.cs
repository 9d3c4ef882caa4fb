using System.Security.Claims;
using PortailFamille.Host.Composition;

namespace PortailFamille.Host.Api;

/// <summary>The family signed in for this request: routes and pages behind the Family policy only.</summary>
internal interface ICurrentFamily
{
    Guid Id { get; }

    /// <summary>The structure the family belongs to (its default for the calendar).</summary>
    Guid? StructureId { get; }

    /// <summary>The account holder's name, written in what the family saves (« DUPONT Jean-Paul »).</summary>
    string Name { get; }
}

/// <summary>The staff member signed in for this request: routes and pages behind a staff policy only.</summary>
internal interface ICurrentStaff
{
    Guid Id { get; }

    /// <summary>The name written in audits, ledgers and news (« Claire MARTIN »).</summary>
    string Name { get; }
}

/// <summary>Both, read once from the session's claims (<see cref="PortailClaims"/>): no endpoint parses a claim itself.</summary>
internal sealed class CurrentUser(IHttpContextAccessor http) : ICurrentFamily, ICurrentStaff
{
    private ClaimsPrincipal User => http.HttpContext?.User ?? throw new InvalidOperationException("No request: no signed-in user.");

    Guid ICurrentFamily.Id => PortailClaims.FamilyIdOf(User)
        ?? throw new InvalidOperationException("This route requires a signed-in family (Family policy).");

    Guid? ICurrentFamily.StructureId => PortailClaims.StructureIdOf(User);

    string ICurrentFamily.Name => User.Identity?.Name ?? "";

    Guid ICurrentStaff.Id => PortailClaims.IsStaff(User) && PortailClaims.UserIdOf(User) is { } id
        ? id
        : throw new InvalidOperationException("This route requires a signed-in staff member (a staff policy).");

    string ICurrentStaff.Name => User.Identity?.Name ?? "";
}
