using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PortailFamille.Notifications.Mail;
using PortailFamille.Notifications.Templates;

namespace PortailFamille.Notifications.Tests.Mail;

public sealed class PickupDirectoryMailTransportTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pf-mails-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Writes_one_readable_eml_file_named_by_utc_time_and_message_id()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 9, 2, 7, 15, 30, 123, TimeSpan.Zero));
        var sender = new PickupDirectoryMailTransport(Options.Create(new MailOptions { PickupDirectory = _directory }), clock);
        var message = PasswordLinkMail.Render(TestData.Reset()).ToMessage(
            MailboxAddress.Parse(MailOptions.DefaultFrom), MailboxAddress.Parse("jean-paul.dupont@example.fr"),
            clock.GetUtcNow(), "password-link.1@portail-famille.local");

        await sender.SendAsync(message, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(_directory));
        Assert.Equal("20240902T071530123Z-password-link.1_portail-famille.local.eml", Path.GetFileName(file));
        var read = await MimeMessage.LoadAsync(file);
        Assert.Equal("Réinitialisation de votre mot de passe", read.Subject);
        Assert.Equal("jean-paul.dupont@example.fr", Assert.Single(read.To.Mailboxes).Address);
        Assert.Contains(TestData.Link, read.TextBody);
    }

    [Fact]
    public async Task Keeps_both_files_when_the_same_message_is_written_twice_at_the_same_instant()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 9, 2, 7, 15, 30, TimeSpan.Zero));
        var sender = new PickupDirectoryMailTransport(Options.Create(new MailOptions { PickupDirectory = _directory }), clock);
        var message = PasswordLinkMail.Render(TestData.Reset()).ToMessage(
            MailboxAddress.Parse(MailOptions.DefaultFrom), MailboxAddress.Parse("jean-paul.dupont@example.fr"),
            clock.GetUtcNow(), "same@portail-famille.local");

        await sender.SendAsync(message, CancellationToken.None);
        await sender.SendAsync(message, CancellationToken.None);

        Assert.Equal(2, Directory.GetFiles(_directory, "*.eml").Length);
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Default_pickup_directory_is_data_mails_at_the_repository_root()
    {
        var directory = new MailOptions().ResolvedPickupDirectory();

        Assert.EndsWith(Path.Combine("data", "mails"), directory);
        Assert.True(File.Exists(Path.Combine(directory, "..", "..", "PortailFamille.sln")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
