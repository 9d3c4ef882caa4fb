namespace PortailFamille.Billing.Features;

/// <summary>The quotient familial of a paying family on a day (an avis d'imposition counts 1 Jan–31 Dec); null when unknown.</summary>
internal interface IFamilyQuotientSource
{
    Task<decimal?> GetQuotientAsync(Guid familyAccountId, DateOnly day, CancellationToken ct);
}

/// <summary>
/// No module knows quotients yet: every family pays the maximum tariff, as without an avis d'imposition.
/// To be replaced by an adapter sending the Dossier module's quotient query once Dossier.Contracts has it.
/// </summary>
internal sealed class NoQuotientYet : IFamilyQuotientSource
{
    public Task<decimal?> GetQuotientAsync(Guid familyAccountId, DateOnly day, CancellationToken ct) => Task.FromResult<decimal?>(null);
}
