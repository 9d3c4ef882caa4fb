using Mediator;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Dossier.Contracts;

/// <summary>
/// Quotient familial of a paying parent's account from the avis d'imposition N-1: revenu fiscal de
/// référence / 12 / nombre de parts, valid 1 January–31 December of <paramref name="Year"/>.
/// </summary>
public sealed record RecordFamilyQuotient(Guid FamilyAccountId, int Year, decimal ReferenceIncome, decimal Parts, string StaffName) : ICommand<Result<FamilyQuotientView>>;

public sealed record FamilyQuotientView(Guid FamilyAccountId, int Year, decimal ReferenceIncome, decimal Parts, decimal Quotient, DateOnly ValidFrom, DateOnly ValidTo, string ComputedBy, DateTimeOffset ComputedAt);

/// <summary>Billing asks: the quotient in force on a day, null when none (maximum tariff).</summary>
public sealed record GetFamilyQuotient(Guid FamilyAccountId, DateOnly Day) : IQuery<decimal?>;

public sealed record ListFamilyQuotients(Guid FamilyAccountId) : IQuery<IReadOnlyList<FamilyQuotientView>>;
