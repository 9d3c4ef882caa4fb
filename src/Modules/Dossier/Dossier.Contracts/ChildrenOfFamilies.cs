using Mediator;

namespace PortailFamille.Dossier.Contracts;

/// <summary>
/// Batch jobs (the nightly transmission): the children each of these family accounts may see, exactly as
/// <see cref="ListChildren"/> gives them one family at a time, in one query.
/// </summary>
public sealed record ListChildrenOfFamilies(IReadOnlyCollection<Guid> FamilyAccountIds) : IQuery<IReadOnlyList<FamilyChild>>;

public sealed record FamilyChild(Guid FamilyAccountId, ChildView Child);
