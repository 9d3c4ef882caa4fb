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

/// <summary>
/// Actually delivers messages (SMTP, or the pickup folder of the embedded default). A delivery pass opens one
/// session, records each outcome as soon as <see cref="IMailSession.SendAsync"/> returns, and only then ends the
/// session: with SMTP the QUIT round trip is not between the server's acceptance and the outbox's record.
/// </summary>
internal interface IMailTransport
{
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>One connection to the mail server. SendAsync returns once the server has accepted the message, and throws when it did not.</summary>
internal interface IMailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
