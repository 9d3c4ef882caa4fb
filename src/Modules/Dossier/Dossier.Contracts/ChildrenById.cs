using Mediator;

namespace PortailFamille.Dossier.Contracts;

/// <summary>Staff views (day sheets): the children with these ids.</summary>
public sealed record GetChildrenByIds(IReadOnlyCollection<Guid> ChildIds) : IQuery<IReadOnlyList<ChildView>>;
