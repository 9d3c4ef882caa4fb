using Mediator;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Accounts.Contracts;

/// <summary>The password rules, with a pattern for the browser's live ✓/✗ list.</summary>
public sealed record GetPasswordRules : IQuery<IReadOnlyList<PasswordRuleView>>;

public sealed record PasswordRuleView(string Code, string Label, string Pattern);

/// <summary>Voluntary change (profile) or forced change at first login: the current password is required.</summary>
public sealed record ChangePassword(Guid AccountId, string CurrentPassword, string NewPassword, string Confirmation) : ICommand<Result>;

/// <summary>"Mot de passe oublié": the same answer and the same duration whether identifier and e-mail match or not.</summary>
public sealed record RequestPasswordReset(string Identifier, string Email) : ICommand<Result>;

public enum PasswordLinkState
{
    Valid,
    Expired,
    Used,
    Superseded,
    Unknown,
}

public sealed record GetPasswordLinkState(string Token) : IQuery<PasswordLinkState>;

/// <summary>Chooses a new password through a link; the link is then spent and every other link revoked.</summary>
public sealed record ResetPasswordWithLink(string Token, string NewPassword, string Confirmation) : ICommand<Result>;

public enum ConsentDocument
{
    /// <summary>Notice RGPD.</summary>
    PrivacyNotice,
    /// <summary>Conditions générales d'utilisation.</summary>
    TermsOfUse,
}

public sealed record ConsentView(ConsentDocument Document, string Version);

/// <summary>Documents whose current version the family has not accepted yet.</summary>
public sealed record GetPendingConsents(Guid AccountId) : IQuery<IReadOnlyList<ConsentView>>;

public sealed record AcceptConsents(Guid AccountId, IReadOnlyList<ConsentView> Accepted) : ICommand<Result>;

/// <summary>E-mails as parents type them, separated by ';'; the first one receives payment receipts.</summary>
public sealed record UpdateEmails(Guid AccountId, string Emails) : ICommand<Result>;

/// <summary>What a session must still do before using the portal.</summary>
public enum SignInGate
{
    None,
    ChangePassword,
    AcceptConsents,
}

public sealed record GetSignInGate(Guid AccountId) : IQuery<SignInGate>;

/// <summary>Deletes password links that can no longer be used (expired, used or superseded) for more than a week.</summary>
public sealed record PurgePasswordLinks : ICommand<int>;
