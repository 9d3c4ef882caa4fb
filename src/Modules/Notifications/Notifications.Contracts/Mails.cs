using Mediator;

namespace PortailFamille.Notifications.Contracts;

/// <summary>
/// The newest mails written to the pickup directory (the embedded default, no SMTP server), newest first;
/// empty when mails go to an SMTP server. For the Development page /dev/courriels.
/// </summary>
public sealed record ListPickedUpMails(int Take = 50) : IQuery<IReadOnlyList<PickedUpMail>>;

public sealed record PickedUpMail(string Subject, string To, DateTimeOffset Date, string TextBody);

/// <summary>For staff and operators: how the outbox of mails is doing, and the mails in trouble (failing or abandoned), newest first.</summary>
public sealed record GetMailOutboxStatus(int Take = 20) : IQuery<MailOutboxStatus>;

public sealed record MailOutboxStatus(int Pending, int Sent, int Abandoned, IReadOnlyList<MailInTrouble> Troubles);

public sealed record MailInTrouble(string Subject, string Recipients, bool Abandoned, int Attempts, DateTimeOffset QueuedAt, DateTimeOffset NextAttemptAt, string LastError);
