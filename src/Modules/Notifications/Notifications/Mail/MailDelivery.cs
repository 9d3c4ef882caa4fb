using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using PortailFamille.Notifications.Domain;
using PortailFamille.Notifications.Persistence;

namespace PortailFamille.Notifications.Mail;

/// <summary>What one delivery pass did.</summary>
internal readonly record struct DeliveryPass(int Sent, int Failed, int Abandoned)
{
    public int Attempted => Sent + Failed + Abandoned;
}

/// <summary>
/// One pass over the outbox: every due mail is claimed by a conditional update (pending, no live lease),
/// sent, then marked sent by that claim only. On failure it is rescheduled with back-off; refused recipients
/// and mails failing for longer than GiveUpAfterHours are abandoned and logged as errors.
/// Several Workers may run passes at once: a mail is sent by the one whose claim succeeded.
/// </summary>
internal sealed class MailDelivery(NotificationsDbContext db, IMailTransport transport, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailDelivery> logger)
{
    public async Task<DeliveryPass> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Delivery;
        var now = clock.GetUtcNow();
        var due = await db.OutgoingMails.AsNoTracking()
            .Where(m => m.Status == OutgoingMailStatus.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(Math.Max(1, settings.BatchSize))
            .ToListAsync(cancellationToken);

        var (sent, failed, abandoned) = (0, 0, 0);
        // One connection for the pass, opened for the first claimed mail and dropped after any failure (its state is
        // unknown then); it is closed only after the outcomes are recorded, so a Worker killed between the server's
        // acceptance and the record is the only way a mail can go out twice (RFC 1047), and that window is one round trip.
        IMailSession? session = null;
        try
        {
            foreach (var id in due)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var claim = Guid.NewGuid();
                now = clock.GetUtcNow();
                var leaseUntil = now + settings.Lease;
                var claimed = await db.OutgoingMails
                    .Where(m => m.Id == id && m.Status == OutgoingMailStatus.Pending && (m.LeaseUntil == null || m.LeaseUntil < now))
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.LeaseUntil, leaseUntil)
                        .SetProperty(m => m.ClaimId, claim)
                        .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
                if (claimed == 0) continue; // another Worker is sending it

                var mail = await db.OutgoingMails.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
                MimeMessage? message = null;
                try
                {
                    using var stream = new MemoryStream(mail.Content, writable: false);
                    message = await MimeMessage.LoadAsync(stream, cancellationToken);
                    session ??= await transport.OpenAsync(cancellationToken);
                    await session.SendAsync(message, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Stopping: give the mail back at once rather than after the lease.
                    await Release(id, claim, mail.Attempts - 1, now);
                    throw;
                }
                catch (Exception ex)
                {
                    if (session is not null) await session.DisposeAsync();
                    session = null;
                    if (await FailedAsync(mail, claim, message, ex, cancellationToken)) abandoned++;
                    else failed++;
                    continue;
                }

                var recorded = await Record(id, claim, s => s
                    .SetProperty(m => m.Status, OutgoingMailStatus.Sent)
                    .SetProperty(m => m.SentAt, clock.GetUtcNow())
                    .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.LastError, (string?)null));
                if (recorded == 0)
                    logger.LogWarning("Mail {MessageId} was sent after its lease ended: another Worker may send it again; raise Mail:Delivery:LeaseSeconds", mail.MessageId);
                logger.LogInformation("Mail {MessageId} sent to {Recipients}", mail.MessageId, mail.Recipients);
                sent++;
            }
        }
        finally
        {
            if (session is not null) await session.DisposeAsync();
        }

        return new DeliveryPass(sent, failed, abandoned);
    }

    /// <summary>
    /// Records a failed send under its claim: the other addresses get it at the next pass when the server refused one
    /// of several for good; abandoned (true) when it refused the only one or the mail is too old; else retried later.
    /// </summary>
    private async Task<bool> FailedAsync(OutgoingMail mail, Guid claim, MimeMessage? message, Exception ex, CancellationToken ct)
    {
        var refused = ex is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } smtp && (int)smtp.StatusCode >= 500;
        var refusedMailbox = refused ? ((SmtpCommandException)ex).Mailbox : null;
        if (refusedMailbox is not null && message is not null && await WithoutRefusedAsync(mail.Id, claim, message, refusedMailbox, ex.Message, ct))
        {
            logger.LogWarning(ex, "Mail {MessageId}: {Mailbox} refused by the server, sent again to the other recipients", mail.MessageId, refusedMailbox);
            return false;
        }

        var settings = options.Value.Delivery;
        if (refused || clock.GetUtcNow() - mail.QueuedAt >= settings.GiveUpAfter)
        {
            await Record(mail.Id, claim, s => s
                .SetProperty(m => m.Status, OutgoingMailStatus.Abandoned)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, OutgoingMail.Truncate(ex.Message)));
            logger.LogError(ex, "Mail {MessageId} to {Recipients} abandoned after {Attempts} attempts", mail.MessageId, mail.Recipients, mail.Attempts);
            return true;
        }

        var next = clock.GetUtcNow() + OutgoingMail.RetryDelay(mail.Attempts, settings.FirstRetry, settings.MaxRetry);
        await Record(mail.Id, claim, s => s
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, OutgoingMail.Truncate(ex.Message)));
        logger.LogWarning(ex, "Mail {MessageId} not sent (attempt {Attempts}); next attempt at {Next}", mail.MessageId, mail.Attempts, next);
        return false;
    }

    /// <summary>Takes the refused mailbox out of the message and makes it due again; false when nobody would be left.</summary>
    private async Task<bool> WithoutRefusedAsync(Guid id, Guid claim, MimeMessage message, MailboxAddress refused, string error, CancellationToken ct)
    {
        var removed = 0;
        foreach (var list in new[] { message.To, message.Cc, message.Bcc })
            foreach (var address in list.Mailboxes.Where(m => string.Equals(m.Address, refused.Address, StringComparison.OrdinalIgnoreCase)).ToList())
                removed += list.Remove(address) ? 1 : 0;
        if (removed == 0 || !message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes).Any()) return false;

        using var content = new MemoryStream();
        await message.WriteToAsync(content, ct);
        var recipients = Recipients.AddressesOf(message);
        var bytes = content.ToArray();
        var now = clock.GetUtcNow();
        return await Record(id, claim, s => s
            .SetProperty(m => m.Content, bytes)
            .SetProperty(m => m.Recipients, recipients)
            .SetProperty(m => m.NextAttemptAt, now)
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, OutgoingMail.Truncate($"{refused.Address} refusée : {error}"))) == 1;
    }

    // The outcome is written by the claim that sent it, whatever the caller's cancellation: it is already done.
    private Task<int> Record(Guid id, Guid claim, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutgoingMail>> setters) =>
        db.OutgoingMails.Where(m => m.Id == id && m.ClaimId == claim).ExecuteUpdateAsync(setters, CancellationToken.None);

    private Task<int> Release(Guid id, Guid claim, int attempts, DateTimeOffset now) =>
        Record(id, claim, s => s.SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null).SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, now));
}

/// <summary>
/// The Worker's delivery loop: a pass whenever a mail is queued in this process, and every
/// Mail:Delivery:PollSeconds for mails queued elsewhere or due for a retry.
/// </summary>
internal sealed class MailDeliveryLoop(IServiceScopeFactory scopes, MailOutboxSignal signal, IOptions<MailOptions> options, ILogger<MailDeliveryLoop> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.Delivery.Poll;
        while (!stoppingToken.IsCancellationRequested)
        {
            var pass = default(DeliveryPass);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                pass = await scope.ServiceProvider.GetRequiredService<MailDelivery>().DeliverDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be unreachable for a while: nothing is lost, the next pass retries.
                logger.LogError(ex, "Mail delivery pass failed");
            }

            // A full batch means more may be due: go on at once.
            if (pass.Attempted >= options.Value.Delivery.BatchSize) continue;
            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
