using MimeKit;

namespace PortailFamille.Notifications.Mail;

/// <summary>
/// What a mail feature calls: hands one message to the durable mail outbox (<see cref="MailOutbox"/>).
/// The message id is the key: queueing the same message id again (a redelivered event) stores nothing more.
/// The Worker's <see cref="MailDeliveryLoop"/> then delivers it through the <see cref="IMailTransport"/>.
/// </summary>
internal interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Actually delivers one message (SMTP, or the pickup folder of the embedded default); throws when it cannot.</summary>
internal interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
