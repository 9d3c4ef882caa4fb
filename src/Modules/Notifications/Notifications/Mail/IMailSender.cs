using MimeKit;

namespace PortailFamille.Notifications.Mail;

/// <summary>Delivers one message; throws when it cannot, so the Worker's message is retried.</summary>
internal interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
