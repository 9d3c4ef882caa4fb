using System.Security.Claims;
using Mediator;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Notifications.Contracts;

namespace PortailFamille.Host.Composition;

/// <summary>
/// Per request: who is signed in, which structure they are looking at (cookie set by the header's
/// switcher, else the family's own structure, else the first one) and the header's figures.
/// </summary>
internal sealed class PortalContext(IHttpContextAccessor http, ScopedSender sender)
{
    public const string StructureCookie = "pf_structure";

    private IReadOnlyList<StructureView>? _structures;

    public ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsSignedIn => User.Identity?.IsAuthenticated == true;

    public bool IsStaff => PortailClaims.IsStaff(User);

    public string DisplayName => User.Identity?.Name ?? "";

    public Guid? FamilyAccountId => PortailClaims.FamilyIdOf(User);

    /// <summary>The signed-in family's account id; pages behind the Family policy only.</summary>
    public Guid RequiredFamilyAccountId => FamilyAccountId ?? throw new InvalidOperationException("This page requires a signed-in family.");

    public async Task<IReadOnlyList<StructureView>> StructuresAsync(CancellationToken ct = default) =>
        _structures ??= await sender.Send(new ListStructures(), ct);

    public async Task<StructureView?> CurrentStructureAsync(CancellationToken ct = default)
    {
        var structures = await StructuresAsync(ct);
        if (structures.Count == 0) return null;
        Guid? chosen = http.HttpContext?.Request.Cookies[StructureCookie] is { } cookie && Guid.TryParse(cookie, out var c) ? c : null;
        var own = PortailClaims.StructureIdOf(User);
        return structures.FirstOrDefault(x => x.Id == chosen)
            ?? structures.FirstOrDefault(x => x.Id == own)
            ?? structures[0];
    }

    public Task<DateTimeOffset?> LastDataUpdateAsync(CancellationToken ct = default) =>
        sender.Send(new GetLastDataUpdate(), ct);
}
