using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PortailFamille.BuildingBlocks.Messaging;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Persistence;
using Wolverine.EntityFrameworkCore;
using PortailFamille.Reservations.Domain;

namespace PortailFamille.Reservations.Features;

/// <summary>
/// The nightly occurrence (Worker:TransmissionTime, Europe/Paris) of the recurring schedule registered by
/// <see cref="ReservationsModule.ScheduleReservationsJobs"/>; <paramref name="Occurrence"/> is the cron instant it
/// stands for (the request time for a manual trigger). Public because Wolverine only runs public handlers.
/// </summary>
public sealed record NightlyTransmissionDue(DateTimeOffset Occurrence) : IScheduledJob;

public static class NightlyTransmissionDueHandler // public: Wolverine only runs public handlers
{
    // Taken by one Worker; a second delivery of the same occurrence is discarded by Wolverine's deduplication, and a
    // run that meets another (staff on demand) transmits each line once: lines are claimed by a conditional update.
    public static async Task Handle(NightlyTransmissionDue due, ISender sender, ILogger<NightlyTransmissionDue> logger, CancellationToken cancellationToken)
    {
        var run = await sender.Send(new TransmitPendingLines(), cancellationToken);
        logger.LogInformation("Nightly transmission of {Occurrence:O}: {Lines} lines of {Families} families transmitted", due.Occurrence, run.Lines, run.Families);
    }
}

internal sealed class TransmitPendingLinesHandler(IServiceScopeFactory services, TimeProvider clock) : ICommandHandler<TransmitPendingLines, TransmissionRun>
{
    /// <summary>Families claimed per transaction: a few hundred keeps each commit short and the round trips few.</summary>
    internal const int FamiliesPerTransaction = 200;

    public async ValueTask<TransmissionRun> Handle(TransmitPendingLines command, CancellationToken cancellationToken)
    {
        // Postgres keeps microseconds: the run's mark is rounded so the claimed lines can be read back by it.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));
        List<Guid> families;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReservationsDbContext>();
            families = await db.Bookings.Where(b => b.TransmittedAt == null && b.RequestedAt <= now).Select(b => b.FamilyAccountId).Distinct().ToListAsync(cancellationToken);
        }

        // Same order in every run, so concurrent runs (several workers, a staff run) meet the same batches.
        families.Sort();
        var (familyCount, lineCount) = (0, 0);
        foreach (var batch in families.Chunk(FamiliesPerTransaction))
        {
            // A batch that meets a concurrent transaction (a confirmation or an attendance mark on the same lines: a
            // PostgreSQL deadlock, SQLite busy) rolled back whole: it is claimed again, in a new scope and transaction.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var (batchFamilies, batchLines) = await TransmitBatchAsync(batch, now, cancellationToken);
                    familyCount += batchFamilies;
                    lineCount += batchLines;
                    break;
                }
                catch (Exception ex) when (attempt < 5 && DatabaseConflicts.IsConflict(ex))
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), clock, cancellationToken);
                }
            }
        }

        return new TransmissionRun(familyCount, lineCount);
    }

    private async Task<(int Families, int Lines)> TransmitBatchAsync(Guid[] batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One scope and one transaction per batch of whole families: a crash leaves every family either
        // done (lines marked and their events in the outbox) or untouched.
        await using var scope = services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IDbContextOutbox<ReservationsDbContext>>();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var db = outbox.DbContext;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Bookings
            .Where(b => batch.Contains(b.FamilyAccountId) && b.TransmittedAt == null && b.RequestedAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.TransmittedAt, now), cancellationToken);
        if (claimed == 0) return (0, 0); // another run took them

        var lines = await db.Bookings.AsNoTracking()
            .Where(b => batch.Contains(b.FamilyAccountId) && b.TransmittedAt == now)
            .Join(db.Activities, b => b.ActivityId, a => a.Id, (b, a) => new { b.Id, b.FamilyAccountId, b.ChildId, b.Day, b.Outcome, a.Name, a.StructureId })
            .ToListAsync(cancellationToken);
        var claimedFamilies = lines.Select(l => l.FamilyAccountId).Distinct().ToList();
        // The children each family may see (as ListChildren answers for one family), for every family at once.
        var children = (await sender.Send(new ListChildrenOfFamilies(claimedFamilies), cancellationToken))
            .ToLookup(c => c.FamilyAccountId)
            .ToDictionary(g => g.Key, g => g.DistinctBy(c => c.Child.Id).ToDictionary(c => c.Child.Id, c => $"{c.Child.LastName} {c.Child.FirstName}"));

        foreach (var family in lines.GroupBy(l => l.FamilyAccountId))
        {
            var names = children.GetValueOrDefault(family.Key);
            foreach (var structure in family.GroupBy(l => l.StructureId))
            {
                await outbox.PublishAsync(new LinesTransmitted(family.Key, structure.Key, now, structure
                    .Select(l => new TransmittedLine(l.Id, names?.GetValueOrDefault(l.ChildId) ?? ChildNames.Unknown, l.Name, l.Day,
                        l.Outcome == LineOutcome.Cancelled ? BookingAction.Cancel : BookingAction.Book, l.Outcome))
                    .ToList()));
            }
        }

        await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
        return (claimedFamilies.Count, lines.Count);
    }
}
