using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;
using PortailFamille.Notifications.Domain;
using PortailFamille.Notifications.Persistence;

namespace PortailFamille.Notifications.Mail;

/// <summary>
/// The <see cref="IMailSender"/> of every mail feature: stores the message in the outbox table, once per
/// Message-Id, and wakes the delivery loop of this process. Nothing is sent here, so a mail feature never
/// fails because the SMTP server is down, and an event handled twice queues its mail once.
/// </summary>
internal sealed class MailOutbox(NotificationsDbContext db, MailOutboxSignal signal, TimeProvider clock, ILogger<MailOutbox> logger) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(message.MessageId))
            throw new InvalidOperationException("A queued mail needs a Message-Id built from what it is about, so a redelivered event cannot queue it twice.");
        if (message.MessageId.Length > OutgoingMail.MessageIdMaxLength)
            throw new InvalidOperationException($"Message-Id longer than {OutgoingMail.MessageIdMaxLength} characters: {message.MessageId}");

        if (await AlreadyQueuedAsync(message.MessageId, cancellationToken))
        {
            logger.LogInformation("Mail {MessageId} was already queued: not queued again", message.MessageId);
            return;
        }

        using var content = new MemoryStream();
        // As an SMTP client would: declare each part's transfer encoding before the message is frozen.
        message.Prepare(EncodingConstraint.EightBit, maxLineLength: 998);
        await message.WriteToAsync(content, cancellationToken);
        var mail = OutgoingMail.Queue(message.MessageId, message.Subject ?? "", Recipients.AddressesOf(message), content.ToArray(), clock.GetUtcNow());

        db.OutgoingMails.Add(mail);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(mail).State = EntityState.Detached;
            if (!await AlreadyQueuedAsync(message.MessageId, CancellationToken.None)) throw;
            // Another Worker queued the same mail between the check and the insert: the unique index kept one.
            logger.LogInformation("Mail {MessageId} queued concurrently by another Worker", message.MessageId);
            return;
        }

        logger.LogInformation("Mail {MessageId} queued for {Recipients}", mail.MessageId, mail.Recipients);
        signal.Notify();
    }

    private Task<bool> AlreadyQueuedAsync(string messageId, CancellationToken cancellationToken) =>
        db.OutgoingMails.AsNoTracking().AnyAsync(m => m.MessageId == messageId, cancellationToken);
}

/// <summary>Wakes this process's delivery loop when a mail is queued, instead of waiting for the next poll.</summary>
internal sealed class MailOutboxSignal
{
    private readonly SemaphoreSlim _queued = new(0, 1);

    public void Notify()
    {
        try
        {
            _queued.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the loop will look once and find every due mail.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _queued.WaitAsync(timeout, cancellationToken);
}
