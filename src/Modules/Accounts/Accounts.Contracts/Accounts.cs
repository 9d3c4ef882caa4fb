using Mediator;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Accounts.Contracts;

public enum UserKind
{
    Family,
    Staff,
}

/// <summary>Staff roles of the design: agent Éducation, régie, administrateur.</summary>
public enum StaffRole
{
    AgentEducation,
    Cashier,
    Administrator,
}

/// <summary>
/// Checks an identifier and a password. The same refusal whether the identifier exists or not;
/// 5 failures in 15 minutes lock the identifier for 15 minutes (error code accounts.locked_out).
/// </summary>
public sealed record SignIn(string Identifier, string Password) : ICommand<Result<SignedInUser>>;

public sealed record SignedInUser(Guid UserId, UserKind Kind, string DisplayName, Guid? FamilyAccountId, Guid? StructureId, StaffRole? Role, SignInGate Gate);

public sealed record ListStructures : IQuery<IReadOnlyList<StructureView>>;

public sealed record StructureView(Guid Id, string Code, string Name, string Town);

public sealed record GetFamilyAccount(Guid FamilyAccountId) : IQuery<FamilyAccountView?>;

public sealed record FamilyAccountView(Guid Id, string Identifier, string HolderFirstName, string HolderLastName, IReadOnlyList<string> Emails, Guid StructureId);

/// <summary>Staff dashboard: the families of a structure.</summary>
public sealed record ListFamilyAccounts(Guid StructureId) : IQuery<IReadOnlyList<FamilyAccountView>>;
