using Mediator;

namespace PortailFamille.Dossier.Contracts;

/// <summary>The children of one family account, as the family file knows them.</summary>
public sealed record ListChildren(Guid FamilyAccountId) : IQuery<IReadOnlyList<ChildView>>;

public sealed record ChildView(Guid Id, Guid FamilyAccountId, string FirstName, string LastName, DateOnly BirthDate, string School, string Grade);

/// <summary>Staff dashboard: how many children a structure's families have on file.</summary>
public sealed record CountChildren(IReadOnlyCollection<Guid> FamilyAccountIds) : IQuery<int>;
