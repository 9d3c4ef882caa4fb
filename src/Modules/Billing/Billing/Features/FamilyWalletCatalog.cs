using Mediator;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Billing.Features;

/// <summary>The family's structure and the wallet codes its activities are paid from; null when no such family exists.</summary>
internal sealed record FamilyWallets(Guid StructureId, IReadOnlySet<string> StructureWalletCodes);

/// <summary>Which family exists, in which structure, with which wallets: asked to the modules that own them.</summary>
internal interface IFamilyWalletCatalog
{
    Task<FamilyWallets?> OfFamilyAsync(Guid familyAccountId, CancellationToken cancellationToken);
}

/// <summary>
/// Accounts owns families and their structure, Reservations the activities and the wallet each one is
/// paid from (<see cref="ActivityView.WalletCode"/>): both asked through their contracts, never their tables.
/// </summary>
internal sealed class ContractFamilyWalletCatalog(ISender sender) : IFamilyWalletCatalog
{
    public async Task<FamilyWallets?> OfFamilyAsync(Guid familyAccountId, CancellationToken cancellationToken)
    {
        if (await sender.Send(new GetFamilyAccount(familyAccountId), cancellationToken) is not { } family) return null;
        var activities = await sender.Send(new ListActivities(family.StructureId), cancellationToken);
        return new FamilyWallets(family.StructureId, activities.Select(a => a.WalletCode).ToHashSet(StringComparer.Ordinal));
    }
}
