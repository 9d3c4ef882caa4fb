using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Reservations.Features;

internal sealed class GetDaySheetHandler(ReservationsDbContext db, ISender sender) : IQueryHandler<GetDaySheet, Result<DaySheet>>
{
    public async ValueTask<Result<DaySheet>> Handle(GetDaySheet query, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.ActivityId, cancellationToken);
        if (activity is null) return ReservationErrors.ActivityNotFound;
        var lines = await db.Bookings.AsNoTracking()
            .Where(b => b.ActivityId == query.ActivityId && b.Day == query.Day && (b.Outcome == LineOutcome.Accepted || b.Outcome == LineOutcome.Waitlisted))
            .OrderBy(b => b.RequestedAt).ThenBy(b => b.Id)
            .ToListAsync(cancellationToken);
        var children = (await sender.Send(new GetChildrenByIds(lines.Select(l => l.ChildId).Distinct().ToList()), cancellationToken)).ToDictionary(c => c.Id);
        var health = (await sender.Send(new GetHealthFlags(children.Keys.ToList()), cancellationToken)).ToDictionary(h => h.ChildId);
        string Name(Guid id) => ChildNames.LastFirst(children, id);
        var expected = lines.Where(l => l.Outcome == LineOutcome.Accepted)
            .Select(l => health.TryGetValue(l.ChildId, out var h)
                ? new DaySheetLine(l.Id, l.ChildId, Name(l.ChildId), l.FamilyAccountId, l.Arrival, l.Departure, l.Attendance, h.HasPai, h.Allergies, h.DietaryNeeds)
                : new DaySheetLine(l.Id, l.ChildId, Name(l.ChildId), l.FamilyAccountId, l.Arrival, l.Departure, l.Attendance, false, null, null))
            .OrderBy(l => l.ChildName).ToList();
        var waitlist = lines.Where(l => l.Outcome == LineOutcome.Waitlisted)
            .Select(l => new WaitlistLine(l.Id, l.ChildId, Name(l.ChildId), l.RequestedAt)).ToList();
        return new DaySheet(activity.Id, activity.Name, query.Day, activity.Capacity, expected, waitlist);
    }
}
