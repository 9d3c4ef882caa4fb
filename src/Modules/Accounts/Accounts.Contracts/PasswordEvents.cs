using PortailFamille.BuildingBlocks.Messaging;

namespace PortailFamille.Accounts.Contracts;

public enum PasswordLinkReason
{
    /// <summary>The parent asked for a reset ("mot de passe oublié").</summary>
    ForgottenPassword,
    /// <summary>Staff created the account and chose to send the credentials by e-mail.</summary>
    NewAccount,
}

/// <summary>
/// A single-use link to choose a password was issued (valid until <paramref name="ExpiresAt"/>, 48 hours).
/// Notifications mails it to <paramref name="Email"/> only. The link carries the only copy of the
/// token in clear; the Accounts module keeps its hash.
/// </summary>
public sealed record PasswordLinkIssued(
    Guid LinkId,
    Guid AccountId,
    string Identifier,
    string HolderName,
    string Email,
    string Link,
    DateTimeOffset ExpiresAt,
    PasswordLinkReason Reason) : IIntegrationEvent;

/// <summary>Separated parents: a new account shares the children of <paramref name="OtherAccountId"/> (Dossier links them).</summary>
public sealed record FamilyAccountLinked(Guid AccountId, Guid OtherAccountId) : IIntegrationEvent;
