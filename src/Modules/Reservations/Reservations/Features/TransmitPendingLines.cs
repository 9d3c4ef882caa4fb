using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Persistence;
using Wolverine.EntityFrameworkCore;

namespace PortailFamille.Reservations.Features;

internal sealed class TransmitPendingLinesHandler(IServiceScopeFactory services, TimeProvider clock) : ICommandHandler<TransmitPendingLines, TransmissionRun>
{
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

        var (familyCount, lineCount) = (0, 0);
        foreach (var family in families)
        {
            // One scope and one transaction per family: a crash leaves every family either done or untouched.
            await using var scope = services.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<IDbContextOutbox<ReservationsDbContext>>();
            var data = scope.ServiceProvider.GetRequiredService<ReservationData>();
            var db = outbox.DbContext;
            var children = (await data.ChildrenAsync(family, cancellationToken)).ToDictionary(c => c.Id, c => $"{c.LastName} {c.FirstName}");

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Bookings
                .Where(b => b.FamilyAccountId == family && b.TransmittedAt == null && b.RequestedAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.TransmittedAt, now), cancellationToken);
            if (claimed == 0) continue; // another run took them

            var lines = await db.Bookings.AsNoTracking()
                .Where(b => b.FamilyAccountId == family && b.TransmittedAt == now)
                .Join(db.Activities, b => b.ActivityId, a => a.Id, (b, a) => new { b.Id, b.ChildId, b.Day, b.Outcome, a.Name, a.StructureId })
                .ToListAsync(cancellationToken);
            foreach (var structure in lines.GroupBy(l => l.StructureId))
            {
                await outbox.PublishAsync(new LinesTransmitted(family, structure.Key, now, structure
                    .Select(l => new TransmittedLine(l.Id, children.GetValueOrDefault(l.ChildId, "Enfant"), l.Name, l.Day,
                        l.Outcome == LineOutcome.Cancelled ? BookingAction.Cancel : BookingAction.Book, l.Outcome))
                    .ToList()));
            }

            await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
            familyCount++;
            lineCount += lines.Count;
        }

        return new TransmissionRun(familyCount, lineCount);
    }
}
