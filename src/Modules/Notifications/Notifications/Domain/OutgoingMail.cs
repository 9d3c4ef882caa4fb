namespace PortailFamille.Notifications.Domain;

internal enum OutgoingMailStatus
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending,
    Sent,
    /// <summary>Refused for good by the server, or still failing after Mail:Delivery:GiveUpAfterHours.</summary>
    Abandoned,
}

/// <summary>
/// One mail of the durable outbox: the whole MIME message as it will be sent, keyed by its Message-Id (a
/// redelivered event queues nothing more). A Worker claims it with a lease before sending, so two Workers
/// never send it at once, and a Worker that dies mid-send leaves it to the next one when the lease ends.
/// </summary>
internal sealed class OutgoingMail
{
    public const int MessageIdMaxLength = 300;
    public const int ErrorMaxLength = 1000;
    public const int SubjectMaxLength = 300;
    public const int RecipientsMaxLength = 2000;

    private OutgoingMail() { }

    public Guid Id { get; private set; }
    public string MessageId { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Recipients { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public DateTimeOffset QueuedAt { get; private set; }
    public OutgoingMailStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    /// <summary>Set while a Worker sends it: nobody else takes it before then.</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }
    /// <summary>Identifies the claim of the Worker sending it: only that claim may record the outcome.</summary>
    public Guid? ClaimId { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    public static OutgoingMail Queue(string messageId, string subject, string recipients, byte[] content, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        MessageId = messageId,
        Subject = subject.Length > SubjectMaxLength ? subject[..SubjectMaxLength] : subject,
        Recipients = recipients.Length > RecipientsMaxLength ? recipients[..RecipientsMaxLength] : recipients,
        Content = content,
        QueuedAt = now,
        Status = OutgoingMailStatus.Pending,
        NextAttemptAt = now,
    };

    /// <summary>
    /// When to try again after <paramref name="attempts"/> failed attempts: the first retry after
    /// <paramref name="first"/>, then twice as long each time, never more than <paramref name="max"/> apart.
    /// </summary>
    public static TimeSpan RetryDelay(int attempts, TimeSpan first, TimeSpan max)
    {
        var delay = first;
        for (var i = 1; i < attempts && delay < max; i++) delay *= 2;
        return delay < max ? delay : max;
    }

    public static string Truncate(string error) => error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
}
