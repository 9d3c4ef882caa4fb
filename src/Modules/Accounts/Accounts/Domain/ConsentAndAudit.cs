using PortailFamille.Accounts.Contracts;

namespace PortailFamille.Accounts.Domain;

/// <summary>Acceptance of one version of a document (RGPD notice, CGU), with its time.</summary>
internal sealed class ConsentRecord
{
    private ConsentRecord() { }

    public long Id { get; private set; }
    public Guid AccountId { get; private set; }
    public ConsentDocument Document { get; private set; }
    public string Version { get; private set; } = "";
    public DateTimeOffset AcceptedAt { get; private set; }

    public static ConsentRecord Accept(Guid accountId, ConsentDocument document, string version, DateTimeOffset now) =>
        new() { AccountId = accountId, Document = document, Version = version, AcceptedAt = now };
}

/// <summary>The versions in force; raising one asks every family to accept again.</summary>
internal static class ConsentVersions
{
    public static readonly IReadOnlyDictionary<ConsentDocument, string> Current = new Dictionary<ConsentDocument, string>
    {
        [ConsentDocument.PrivacyNotice] = "2024-06",
        [ConsentDocument.TermsOfUse] = "2024-06",
    };
}

/// <summary>A staff action on accounts, kept for the audit trail (never edited).</summary>
internal sealed class AuditEntry
{
    private AuditEntry() { }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    public AuditAction Action { get; private set; }
    public Guid? SubjectAccountId { get; private set; }
    public string Details { get; private set; } = "";

    public static AuditEntry Record(DateTimeOffset at, Guid actorId, string actorName, AuditAction action, Guid? subject, string details) =>
        new() { At = at, ActorId = actorId, ActorName = actorName, Action = action, SubjectAccountId = subject, Details = details };
}
