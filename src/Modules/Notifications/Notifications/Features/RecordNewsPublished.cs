using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Notifications.Contracts;
using PortailFamille.Notifications.Domain;
using PortailFamille.Notifications.Persistence;

namespace PortailFamille.Notifications.Features;

/// <summary>The Worker records that it received a news publication (idempotent: delivery is at-least-once).</summary>
internal sealed record RecordNewsPublished(Guid NewsId) : ICommand<Result>;

internal sealed class RecordNewsPublishedHandler(NotificationsDbContext db, TimeProvider clock) : ICommandHandler<RecordNewsPublished, Result>
{
    public async ValueTask<Result> Handle(RecordNewsPublished command, CancellationToken cancellationToken)
    {
        var already = await db.WorkerJournal.AnyAsync(
            j => j.EventType == nameof(NewsPublished) && j.SubjectId == command.NewsId, cancellationToken);
        if (already) return Result.Success();

        db.WorkerJournal.Add(WorkerJournalEntry.Record(nameof(NewsPublished), command.NewsId, clock.GetUtcNow(), Environment.MachineName + "/" + Environment.ProcessId));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another worker may have recorded the same delivery first: the unique index kept one row.
            db.ChangeTracker.Clear();
            var recorded = await db.WorkerJournal.AnyAsync(
                j => j.EventType == nameof(NewsPublished) && j.SubjectId == command.NewsId, cancellationToken);
            if (!recorded) throw;
        }

        return Result.Success();
    }
}

/// <summary>Wolverine adapter (public: Wolverine only runs public handlers); runs in the Worker.</summary>
public static class NewsPublishedHandler
{
    public static async Task Handle(NewsPublished message, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new RecordNewsPublished(message.NewsId), cancellationToken)).ThrowIfFailure();
}
