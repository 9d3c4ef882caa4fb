using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PortailFamille.Notifications.Features;
using PortailFamille.Notifications.Mail;

namespace PortailFamille.Notifications.Tests.Features;

public sealed class SendPasswordLinkMailTests
{
    private readonly RecordingMailSender _mails = new();
    private readonly RecordingLogger _log = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 9, 2, 7, 15, 0, TimeSpan.Zero));

    private SendPasswordLinkMailHandler Handler() =>
        new(_mails, Options.Create(new MailOptions()), _clock, _log);

    [Fact]
    public async Task Sends_exactly_one_message_to_the_email_of_the_event()
    {
        var result = await Handler().Handle(new SendPasswordLinkMail(TestData.Reset("parent@example.fr")), CancellationToken.None);

        Assert.True(result.IsSuccess);
        var message = Assert.Single(_mails.Sent);
        var to = Assert.Single(message.To.Mailboxes);
        Assert.Equal("parent@example.fr", to.Address);
        Assert.Equal("Jean-Paul DUPONT", to.Name);
        Assert.Empty(message.Cc);
        Assert.Empty(message.Bcc);
        Assert.Equal("ne-pas-repondre@portail-famille.local", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("Réinitialisation de votre mot de passe", message.Subject);
        Assert.Equal(_clock.GetUtcNow(), message.Date);
    }

    [Fact]
    public async Task Uses_the_new_account_template_for_a_new_account()
    {
        await Handler().Handle(new SendPasswordLinkMail(TestData.NewAccount()), CancellationToken.None);

        var message = Assert.Single(_mails.Sent);
        Assert.Equal("Votre compte Portail Famille", message.Subject);
        Assert.Contains("Votre identifiant : famille31", message.TextBody);
    }

    [Fact]
    public async Task Gives_a_redelivered_event_the_same_message_id()
    {
        var link = TestData.Reset();

        await Handler().Handle(new SendPasswordLinkMail(link), CancellationToken.None);
        await Handler().Handle(new SendPasswordLinkMail(link), CancellationToken.None);

        Assert.Equal(2, _mails.Sent.Count);
        Assert.Equal(_mails.Sent[0].MessageId, _mails.Sent[1].MessageId);
        Assert.Contains(link.LinkId.ToString("N"), _mails.Sent[0].MessageId);
    }

    [Fact]
    public async Task Logs_the_link_id_and_never_the_link()
    {
        var link = TestData.Reset();

        await Handler().Handle(new SendPasswordLinkMail(link), CancellationToken.None);

        var entry = Assert.Single(_log.Entries, e => e.Level == LogLevel.Information);
        Assert.Contains(link.LinkId.ToString(), entry.Message);
        Assert.All(_log.Entries, e => Assert.DoesNotContain("ticket=", e.Message));
    }

    [Theory]
    [InlineData("")]
    [InlineData("pas-une-adresse")]
    [InlineData("a@example.fr; b@example.fr")]
    public async Task Refuses_an_invalid_email_and_sends_nothing(string email)
    {
        var result = await Handler().Handle(new SendPasswordLinkMail(TestData.Reset(email)), CancellationToken.None);

        Assert.True(result.IsFailure);
        Assert.Equal("notifications.invalid_email", result.Error!.Code);
        Assert.Empty(_mails.Sent);
    }

    private sealed class RecordingMailSender : IMailSender
    {
        public List<MimeMessage> Sent { get; } = [];

        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            Sent.Add(message);
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingLogger : ILogger<SendPasswordLinkMailHandler>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
