using Mediator;

namespace PortailFamille.Dossier.Contracts;

/// <summary>What animators must know on a day sheet: PAI (projet d'accueil individualisé), allergies, diet.</summary>
public sealed record GetHealthFlags(IReadOnlyCollection<Guid> ChildIds) : IQuery<IReadOnlyList<HealthFlags>>;

public sealed record HealthFlags(Guid ChildId, bool HasPai, string? Allergies, string? DietaryNeeds);
