using Mediator;
using PortailFamille.Dossier.Contracts;

namespace PortailFamille.Billing.Features;

/// <summary>The quotient familial of a paying family on a day (an avis d'imposition counts 1 Jan–31 Dec); null when unknown.</summary>
internal interface IFamilyQuotientSource
{
    Task<decimal?> GetQuotientAsync(Guid familyAccountId, DateOnly day, CancellationToken ct);
}

/// <summary>The Dossier module owns quotients: asked through its contract; none → maximum tariff.</summary>
internal sealed class DossierQuotientSource(ISender sender) : IFamilyQuotientSource
{
    public async Task<decimal?> GetQuotientAsync(Guid familyAccountId, DateOnly day, CancellationToken ct) =>
        await sender.Send(new GetFamilyQuotient(familyAccountId, day), ct);
}
