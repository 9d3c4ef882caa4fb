using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace PortailFamille.Notifications.Mail;

/// <summary>
/// One SMTP connection per delivery pass (MailKit's SmtpClient is not thread-safe: a session is used by one pass).
/// Exceptions propagate: the outbox keeps the mail and retries it later; the pass then opens a new session.
/// </summary>
internal sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
            throw new InvalidOperationException("Mail:Smtp:Host is empty: SmtpMailTransport needs an SMTP server.");

        var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(smtp.TimeoutSeconds).TotalMilliseconds };
        if (!string.IsNullOrWhiteSpace(smtp.LocalDomain)) client.LocalDomain = smtp.LocalDomain;
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port,
                smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            return new Session(client, TimeSpan.FromSeconds(smtp.TimeoutSeconds));
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Session(SmtpClient client, TimeSpan timeout) : IMailSession
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => client.SendAsync(message, cancellationToken);

        /// <summary>QUIT, politely and briefly: every message of the session is already accepted (or refused) by now.</summary>
        public async ValueTask DisposeAsync()
        {
            try
            {
                using var quit = new CancellationTokenSource(timeout);
                if (client.IsConnected) await client.DisconnectAsync(quit: true, quit.Token);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or MailKit.ProtocolException or SmtpCommandException or SmtpProtocolException)
            {
                // The server went away after accepting what it accepted: nothing to undo.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
