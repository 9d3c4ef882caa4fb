using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PortailFamille.Notifications.Contracts;
using PortailFamille.Notifications.Features;
using PortailFamille.Notifications.Mail;
using PortailFamille.Notifications.Tests.Mail;
using PortailFamille.Notifications.Templates;

namespace PortailFamille.Notifications.Tests.Features;

public sealed class ListPickedUpMailsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pf-mails-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 9, 2, 7, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Lists_the_picked_up_mails_newest_first()
    {
        var options = Options.Create(new MailOptions { PickupDirectory = _directory });
        await WriteAsync(options, TestData.Reset(), "older@portail-famille.local");
        _clock.Advance(TimeSpan.FromMinutes(5));
        await WriteAsync(options, TestData.NewAccount(), "newer@portail-famille.local");

        var mails = await new ListPickedUpMailsHandler(options, NullLogger<ListPickedUpMailsHandler>.Instance)
            .Handle(new ListPickedUpMails(50), CancellationToken.None);

        Assert.Collection(mails,
            newest =>
            {
                Assert.Equal("Votre compte Portail Famille", newest.Subject);
                Assert.Equal("Amélie MARTIN <amelie.martin@example.fr>", newest.To);
                Assert.Equal(_clock.GetUtcNow(), newest.Date);
                Assert.Contains("Votre identifiant : famille31", newest.TextBody);
            },
            oldest => Assert.Equal("Réinitialisation de votre mot de passe", oldest.Subject));
    }

    [Fact]
    public async Task Takes_only_the_requested_number_of_mails()
    {
        var options = Options.Create(new MailOptions { PickupDirectory = _directory });
        for (var i = 0; i < 3; i++)
        {
            await WriteAsync(options, TestData.Reset(), $"mail{i}@portail-famille.local");
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var mails = await new ListPickedUpMailsHandler(options, NullLogger<ListPickedUpMailsHandler>.Instance)
            .Handle(new ListPickedUpMails(2), CancellationToken.None);

        Assert.Equal(2, mails.Count);
    }

    [Fact]
    public async Task Lists_nothing_when_mails_go_to_an_smtp_server()
    {
        await WriteAsync(Options.Create(new MailOptions { PickupDirectory = _directory }), TestData.Reset(), "x@portail-famille.local");
        var smtp = Options.Create(new MailOptions { PickupDirectory = _directory, Smtp = { Host = "smtp.example.fr" } });

        var mails = await new ListPickedUpMailsHandler(smtp, NullLogger<ListPickedUpMailsHandler>.Instance)
            .Handle(new ListPickedUpMails(50), CancellationToken.None);

        Assert.Empty(mails);
    }

    [Fact]
    public async Task Lists_nothing_when_the_pickup_directory_does_not_exist_yet()
    {
        var options = Options.Create(new MailOptions { PickupDirectory = _directory });

        var mails = await new ListPickedUpMailsHandler(options, NullLogger<ListPickedUpMailsHandler>.Instance)
            .Handle(new ListPickedUpMails(50), CancellationToken.None);

        Assert.Empty(mails);
    }

    private async Task WriteAsync(IOptions<MailOptions> options, Accounts.Contracts.PasswordLinkIssued link, string messageId)
    {
        var message = PasswordLinkMail.Render(link).ToMessage(
            MailboxAddress.Parse(MailOptions.DefaultFrom), new MailboxAddress(link.HolderName, link.Email), _clock.GetUtcNow(), messageId);
        await new PickupDirectoryMailTransport(options, _clock).SendAsync(message, CancellationToken.None);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
