using Mediator;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Dossier.Contracts;

/// <summary>Règlement intérieur of each child of the family for the current school year.</summary>
public sealed record ListInternalRulesStatus(Guid FamilyAccountId) : IQuery<IReadOnlyList<ChildRulesStatus>>;

public sealed record ChildRulesStatus(Guid ChildId, string FirstName, string LastName, string SchoolYear, DateTimeOffset? SignedAt, string? SignerName, string? Place);

/// <summary>"J'ai pris connaissance du règlement intérieur et j'ai informé mon enfant de ce règlement", signed with name, place, date and time.</summary>
public sealed record SignInternalRules(Guid FamilyAccountId, Guid ChildId, bool Acknowledged, string SignerName, string Place) : ICommand<Result>;
