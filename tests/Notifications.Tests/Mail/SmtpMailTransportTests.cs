using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using MimeKit;
using PortailFamille.Integration.Tests;
using PortailFamille.Notifications.Mail;
using PortailFamille.Notifications.Templates;

namespace PortailFamille.Notifications.Tests.Mail;

public sealed class SmtpMailTransportTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Delivers_the_message_to_a_real_smtp_server()
    {
        await using var server = await TestSmtpServer.StartAsync();
        var sender = new SmtpMailTransport(Options.Create(new MailOptions { Smtp = { Host = server.Host, Port = server.Port } }));
        var content = PasswordLinkMail.Render(TestData.Reset());
        var message = content.ToMessage(
            MailboxAddress.Parse(MailOptions.DefaultFrom), MailboxAddress.Parse("jean-paul.dupont@example.fr"),
            DateTimeOffset.UtcNow, "smtp-test@portail-famille.local");

        await sender.SendAsync(message, CancellationToken.None);

        var received = await server.WaitForMessageAsync(m => m.MessageId == "smtp-test@portail-famille.local", Wait);
        Assert.Equal("jean-paul.dupont@example.fr", Assert.Single(received.To.Mailboxes).Address);
        Assert.Equal("ne-pas-repondre@portail-famille.local", Assert.Single(received.From.Mailboxes).Address);
        Assert.Equal("Réinitialisation de votre mot de passe", received.Subject);
        Assert.Contains("Vous avez demandé à réinitialiser votre mot de passe.", received.TextBody);
        Assert.Contains(TestData.Link, received.TextBody);
        Assert.Contains("valable pendant 48H", received.HtmlBody);
        Assert.Single(server.Messages);
    }

    [Fact]
    public async Task Throws_when_the_smtp_server_cannot_be_reached_so_the_outbox_retries_later()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var sender = new SmtpMailTransport(Options.Create(new MailOptions { Smtp = { Host = "127.0.0.1", Port = closedPort } }));
        var message = PasswordLinkMail.Render(TestData.Reset()).ToMessage(
            MailboxAddress.Parse(MailOptions.DefaultFrom), MailboxAddress.Parse("jean-paul.dupont@example.fr"),
            DateTimeOffset.UtcNow, "unreachable@portail-famille.local");

        await Assert.ThrowsAnyAsync<SocketException>(() => sender.SendAsync(message, CancellationToken.None));
    }
}
