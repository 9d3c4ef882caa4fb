using Mediator;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Accounts.Contracts;

public enum CredentialDelivery
{
    /// <summary>Printed letter with a provisional password, to change at first sign-in.</summary>
    Letter,
    /// <summary>E-mail with a link to choose the password (valid 48 hours).</summary>
    Email,
}

/// <summary>
/// Staff create a family account. For separated parents, <paramref name="LinkedToAccountId"/> names the
/// other parent's account (the children are then linked by the Dossier module).
/// </summary>
public sealed record CreateFamilyAccount(
    Guid StaffId,
    string StaffName,
    Guid StructureId,
    string HolderFirstName,
    string HolderLastName,
    string Emails,
    CredentialDelivery Delivery,
    Guid? LinkedToAccountId) : ICommand<Result<CreatedFamilyAccount>>;

/// <summary><paramref name="ProvisionalPassword"/> is set only for a letter; it is shown once and never stored in clear.</summary>
public sealed record CreatedFamilyAccount(Guid AccountId, string Identifier, string? ProvisionalPassword);

public sealed record UnlockAccount(Guid StaffId, string StaffName, Guid AccountId) : ICommand<Result>;

public enum AuditAction
{
    FamilyAccountCreated,
    AccountUnlocked,
    FamilyAccountErased,
    SessionsEnded,
}

public sealed record ListAuditEntries(int Take = 200) : IQuery<IReadOnlyList<AuditEntryView>>;

public sealed record AuditEntryView(DateTimeOffset At, string ActorName, AuditAction Action, Guid? SubjectAccountId, string? SubjectIdentifier, string Details);

/// <summary>Staff view of a family account's sign-in state.</summary>
public sealed record FamilyAccountStatus(Guid AccountId, string Identifier, bool LockedOut, DateTimeOffset? LockedUntil, bool MustChangePassword);

public sealed record ListFamilyAccountStatuses(Guid StructureId) : IQuery<IReadOnlyList<FamilyAccountStatus>>;
