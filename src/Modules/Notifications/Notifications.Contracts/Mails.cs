using Mediator;

namespace PortailFamille.Notifications.Contracts;

/// <summary>
/// The newest mails written to the pickup directory (the embedded default, no SMTP server), newest first;
/// empty when mails go to an SMTP server. For the Development page /dev/courriels.
/// </summary>
public sealed record ListPickedUpMails(int Take = 50) : IQuery<IReadOnlyList<PickedUpMail>>;

public sealed record PickedUpMail(string Subject, string To, DateTimeOffset Date, string TextBody);
