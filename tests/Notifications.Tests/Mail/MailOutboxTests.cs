using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PortailFamille.Integration.Tests;
using PortailFamille.Notifications.Domain;
using PortailFamille.Notifications.Mail;
using PortailFamille.Notifications.Persistence;

namespace PortailFamille.Notifications.Tests.Mail;

/// <summary>The durable mail outbox on a real SQLite database and a real SMTP server.</summary>
public sealed class MailOutboxTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pf-outbox-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 9, 2, 7, 0, 0, TimeSpan.Zero));
    private readonly MailOptions _options = new() { Smtp = { Host = "127.0.0.1", Port = ClosedPort(), TimeoutSeconds = 5 } };
    private readonly List<NotificationsDbContext> _contexts = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var db in _contexts) await db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Queueing_the_same_message_twice_keeps_one_mail()
    {
        await Outbox().SendAsync(Message("report.1@portail-famille.local"), CancellationToken.None);
        await Outbox().SendAsync(Message("report.1@portail-famille.local"), CancellationToken.None);
        await Outbox().SendAsync(Message("report.2@portail-famille.local"), CancellationToken.None);

        var mails = await NewContext().OutgoingMails.OrderBy(m => m.MessageId).ToListAsync();
        Assert.Equal(["report.1@portail-famille.local", "report.2@portail-famille.local"], mails.Select(m => m.MessageId));
        Assert.All(mails, m => Assert.Equal(OutgoingMailStatus.Pending, m.Status));
        Assert.Equal("parent@example.fr, copie@example.fr", mails[0].Recipients);
    }

    [Fact]
    public async Task A_mail_without_message_id_is_refused_rather_than_risk_sending_it_twice()
    {
        var message = Message("x@portail-famille.local");
        message.Headers.Remove(HeaderId.MessageId);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Outbox().SendAsync(message, CancellationToken.None));
    }

    [Fact]
    public async Task Nothing_is_lost_while_the_smtp_server_is_down_and_the_mail_is_sent_once_it_is_back()
    {
        await Outbox().SendAsync(Message("down.1@portail-famille.local"), CancellationToken.None);

        var first = await Delivery().DeliverDueAsync(CancellationToken.None);
        Assert.Equal(new DeliveryPass(0, 1, 0), first);
        var mail = await Single();
        Assert.Equal((OutgoingMailStatus.Pending, 1, _clock.GetUtcNow() + TimeSpan.FromSeconds(30)), (mail.Status, mail.Attempts, mail.NextAttemptAt));
        Assert.NotNull(mail.LastError);

        var status = await new PortailFamille.Notifications.Features.GetMailOutboxStatusHandler(NewContext()).Handle(new(), CancellationToken.None);
        Assert.Equal((1, 0, 0), (status.Pending, status.Sent, status.Abandoned));
        var trouble = Assert.Single(status.Troubles);
        Assert.Equal(("Rapport de transmission", "parent@example.fr, copie@example.fr", false, 1), (trouble.Subject, trouble.Recipients, trouble.Abandoned, trouble.Attempts));

        // Not due yet: nothing tried.
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, (await Delivery().DeliverDueAsync(CancellationToken.None)).Attempted);

        // Second failure: twice the delay.
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await Delivery().DeliverDueAsync(CancellationToken.None)).Failed);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(60), (await Single()).NextAttemptAt);

        await using var server = await TestSmtpServer.StartAsync(port: _options.Smtp.Port);
        _clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(new DeliveryPass(1, 0, 0), await Delivery().DeliverDueAsync(CancellationToken.None));
        Assert.Equal(0, (await Delivery().DeliverDueAsync(CancellationToken.None)).Attempted);
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, (await Delivery().DeliverDueAsync(CancellationToken.None)).Attempted);

        var received = Assert.Single(server.Messages);
        Assert.Equal("down.1@portail-famille.local", received.MessageId);
        Assert.Equal(["parent@example.fr", "copie@example.fr"], received.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Rapport de transmission", received.Subject);
        Assert.Contains("Aucun mouvement n'a été perdu.", received.TextBody);
        status = await new PortailFamille.Notifications.Features.GetMailOutboxStatusHandler(NewContext()).Handle(new(), CancellationToken.None);
        Assert.Equal((0, 1, 0, 0), (status.Pending, status.Sent, status.Abandoned, status.Troubles.Count));
        mail = await Single();
        Assert.Equal((OutgoingMailStatus.Sent, 3, _clock.GetUtcNow() - TimeSpan.FromHours(2), (string?)null), (mail.Status, mail.Attempts, mail.SentAt, mail.LastError));
    }

    [Fact]
    public async Task A_mail_claimed_by_a_worker_that_died_waits_for_the_end_of_its_lease_then_goes_out_once()
    {
        await using var server = await TestSmtpServer.StartAsync();
        _options.Smtp.Port = server.Port;
        await Outbox().SendAsync(Message("lease.1@portail-famille.local"), CancellationToken.None);
        // A Worker claimed it, then was killed before sending.
        await NewContext().OutgoingMails.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LeaseUntil, _clock.GetUtcNow() + TimeSpan.FromMinutes(5))
            .SetProperty(m => m.ClaimId, Guid.NewGuid())
            .SetProperty(m => m.Attempts, 1));

        Assert.Equal(0, (await Delivery().DeliverDueAsync(CancellationToken.None)).Attempted);
        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var passes = await Task.WhenAll(Delivery().DeliverDueAsync(CancellationToken.None), Delivery().DeliverDueAsync(CancellationToken.None));

        Assert.Equal(1, passes.Sum(p => p.Sent));
        Assert.Single(server.Messages);
        Assert.Equal((OutgoingMailStatus.Sent, 2), ((await Single()).Status, (await Single()).Attempts));
    }

    [Fact]
    public async Task A_refused_mailbox_is_abandoned_and_kept_with_the_reason()
    {
        await using var server = await TestSmtpServer.StartAsync();
        _options.Smtp.Port = server.Port;
        var message = Message("refused.1@portail-famille.local");
        message.To.Clear();
        message.To.Add(MailboxAddress.Parse("refuse.me@example.fr"));
        await Outbox().SendAsync(message, CancellationToken.None);

        Assert.Equal(new DeliveryPass(0, 0, 1), await Delivery().DeliverDueAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await Delivery().DeliverDueAsync(CancellationToken.None)).Attempted);

        var mail = await Single();
        Assert.Equal(OutgoingMailStatus.Abandoned, mail.Status);
        Assert.False(string.IsNullOrWhiteSpace(mail.LastError));
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task An_address_the_server_refuses_is_dropped_and_the_other_addresses_still_get_the_mail()
    {
        await using var server = await TestSmtpServer.StartAsync();
        _options.Smtp.Port = server.Port;
        var message = Message("partly.1@portail-famille.local");
        message.To.Add(MailboxAddress.Parse("refuse.faute-de-frappe@example.fr"));
        await Outbox().SendAsync(message, CancellationToken.None);

        Assert.Equal(new DeliveryPass(0, 1, 0), await Delivery().DeliverDueAsync(CancellationToken.None));
        Assert.Equal(new DeliveryPass(1, 0, 0), await Delivery().DeliverDueAsync(CancellationToken.None)); // due again at once

        var received = Assert.Single(server.Messages);
        Assert.Equal(["parent@example.fr", "copie@example.fr"], received.To.Mailboxes.Select(m => m.Address));
        var mail = await Single();
        Assert.Equal((OutgoingMailStatus.Sent, "parent@example.fr, copie@example.fr"), (mail.Status, mail.Recipients));
    }

    [Fact]
    public async Task A_mail_still_failing_after_the_give_up_delay_is_abandoned_not_dropped()
    {
        _options.Delivery.GiveUpAfterHours = 1;
        await Outbox().SendAsync(Message("old.1@portail-famille.local"), CancellationToken.None);
        await Delivery().DeliverDueAsync(CancellationToken.None);

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new DeliveryPass(0, 0, 1), await Delivery().DeliverDueAsync(CancellationToken.None));
        Assert.Equal((OutgoingMailStatus.Abandoned, 2), ((await Single()).Status, (await Single()).Attempts));
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(40, 3600)]
    public void Retries_double_from_thirty_seconds_up_to_an_hour(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutgoingMail.RetryDelay(attempts, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1)));

    private MailOutbox Outbox() => new(NewContext(), new MailOutboxSignal(), _clock, NullLogger<MailOutbox>.Instance);

    private MailDelivery Delivery() =>
        new(NewContext(), new SmtpMailTransport(Options.Create(_options)), Options.Create(_options), _clock, NullLogger<MailDelivery>.Instance);

    private Task<OutgoingMail> Single() => NewContext().OutgoingMails.AsNoTracking().SingleAsync();

    private NotificationsDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<SqliteNotificationsDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_directory, "outbox.db")}", o => o.MigrationsHistoryTable("__ef_migrations_notifications"))
            .Options;
        var db = new SqliteNotificationsDbContext(options);
        _contexts.Add(db);
        return db;
    }

    [Fact]
    public async Task A_pass_sends_its_mails_over_one_connection_and_records_each_before_quitting()
    {
        await using var server = await TestSmtpServer.StartAsync();
        _options.Smtp.Port = server.Port;
        foreach (var n in Enumerable.Range(1, 3))
            await Outbox().SendAsync(Message($"pass.{n}@portail-famille.local"), CancellationToken.None);
        var transport = new ObservedTransport(new SmtpMailTransport(Options.Create(_options)), NewContext);

        var pass = await new MailDelivery(NewContext(), transport, Options.Create(_options), _clock, NullLogger<MailDelivery>.Instance)
            .DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new DeliveryPass(3, 0, 0), pass);
        Assert.Equal(1, transport.Opened);
        // When the session ended (SMTP QUIT), the outbox already said "sent" for all three: a Worker killed during
        // the QUIT round trip cannot send them again.
        Assert.Equal([OutgoingMailStatus.Sent, OutgoingMailStatus.Sent, OutgoingMailStatus.Sent], transport.StatusesAtClose);
        Assert.Equal(3, server.Messages.Count);
    }

    /// <summary>The real SMTP transport, counting sessions and reading the outbox when a session ends.</summary>
    private sealed class ObservedTransport(IMailTransport inner, Func<NotificationsDbContext> db) : IMailTransport
    {
        public int Opened { get; private set; }
        public List<OutgoingMailStatus> StatusesAtClose { get; } = [];

        public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
        {
            Opened++;
            return new Session(await inner.OpenAsync(cancellationToken), this, db);
        }

        private sealed class Session(IMailSession inner, ObservedTransport owner, Func<NotificationsDbContext> db) : IMailSession
        {
            public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => inner.SendAsync(message, cancellationToken);

            public async ValueTask DisposeAsync()
            {
                owner.StatusesAtClose.AddRange(await db().OutgoingMails.AsNoTracking().OrderBy(m => m.MessageId).Select(m => m.Status).ToListAsync());
                await inner.DisposeAsync();
            }
        }
    }

    private MimeMessage Message(string messageId)
    {
        var message = new MimeMessage { Subject = "Rapport de transmission", MessageId = messageId, Date = _clock.GetUtcNow() };
        message.From.Add(MailboxAddress.Parse(MailOptions.DefaultFrom));
        message.To.Add(MailboxAddress.Parse("parent@example.fr"));
        message.To.Add(MailboxAddress.Parse("copie@example.fr"));
        message.Body = new TextPart("plain") { Text = "Aucun mouvement n'a été perdu." };
        return message;
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
