namespace PortailFamille.Notifications.Domain;

internal sealed class NewsItem
{
    public const int TitleMaxLength = 120;
    public const int BodyMaxLength = 4000;

    private NewsItem() { }

    public Guid Id { get; private set; }
    public Guid StructureId { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTimeOffset PublishedAt { get; private set; }
    public string PublishedBy { get; private set; } = "";

    public static NewsItem Publish(Guid structureId, string title, string body, string publishedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        StructureId = structureId,
        Title = title.Trim(),
        Body = body.Trim(),
        PublishedAt = now,
        PublishedBy = publishedBy.Trim(),
    };
}

/// <summary>One integration event as the Worker processed it; unique per (event, subject) so replays do nothing.</summary>
internal sealed class WorkerJournalEntry
{
    private WorkerJournalEntry() { }

    public long Id { get; private set; }
    public string EventType { get; private set; } = "";
    public Guid SubjectId { get; private set; }
    public DateTimeOffset ProcessedAt { get; private set; }
    public string ProcessedBy { get; private set; } = "";

    public static WorkerJournalEntry Record(string eventType, Guid subjectId, DateTimeOffset now, string processedBy) => new()
    {
        EventType = eventType,
        SubjectId = subjectId,
        ProcessedAt = now,
        ProcessedBy = processedBy,
    };
}

/// <summary>A message staff sent to every family of a structure (kept: who sent what, when, to how many).</summary>
internal sealed class Broadcast
{
    private Broadcast() { }

    public Guid Id { get; private set; }
    public Guid StructureId { get; private set; }
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string SentBy { get; private set; } = "";
    public int Families { get; private set; }
    public DateTimeOffset SentAt { get; private set; }

    public static Broadcast Record(Guid structureId, string subject, string body, string sentBy, int families, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        StructureId = structureId,
        Subject = subject.Trim(),
        Body = body.Trim(),
        SentBy = sentBy,
        Families = families,
        SentAt = now,
    };
}
