using MimeKit;
using PortailFamille.Notifications.Mail;

namespace PortailFamille.Notifications.Tests.Mail;

internal static class MailTransportTestExtensions
{
    /// <summary>One message in a session of its own, as the tests of a transport send it.</summary>
    public static async Task SendAsync(this IMailTransport transport, MimeMessage message, CancellationToken cancellationToken)
    {
        await using var session = await transport.OpenAsync(cancellationToken);
        await session.SendAsync(message, cancellationToken);
    }
}
