using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.BuildingBlocks.Time;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Reservations.Features;

internal sealed class GetCalendarHandler(ReservationsDbContext db, ReservationData data, TimeProvider clock) : IQueryHandler<GetCalendar, Result<CalendarView>>
{
    public async ValueTask<Result<CalendarView>> Handle(GetCalendar query, CancellationToken cancellationToken)
    {
        var children = await data.ChildrenAsync(query.FamilyAccountId, cancellationToken);
        var child = children.FirstOrDefault(c => c.Id == query.ChildId);
        if (child is null) return ReservationErrors.ChildNotFound;
        if (!CalendarYears.Contains(query.Year, query.Month))
            return Error.Validation("reservations.invalid_month", "Le mois demandé n'existe pas.");

        var activities = await db.Activities.AsNoTracking()
            .Where(a => a.StructureId == query.StructureId && (query.ActivityId == null || a.Id == query.ActivityId))
            .OrderBy(a => a.Kind).ThenBy(a => a.Name)
            .ToListAsync(cancellationToken);
        if (query.ActivityId is not null && activities.Count == 0) return ReservationErrors.ActivityNotFound;

        var first = new DateOnly(query.Year, query.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var activityIds = activities.Select(a => a.Id).ToList();
        var rules = await data.RulesAsync([query.StructureId], cancellationToken);
        var slots = await db.DaySlots.AsNoTracking()
            .Where(s => activityIds.Contains(s.ActivityId) && s.Day >= first && s.Day <= last)
            .ToDictionaryAsync(s => (s.ActivityId, s.Day), cancellationToken);
        // The child's active lines (whoever booked them: the other parent's show as taken) and this family's refused
        // ones. Each side is served by an existing index (the partial unique index on active lines; family and day),
        // so neither database reads the activity's whole month, and the nightly update of every line has no extra
        // index to maintain. The activities are filtered here: in the SQL, SQLite preferred the activity's index.
        var shown = activityIds.ToHashSet();
        var bookings = (await db.Bookings.AsNoTracking()
            .Where(b => b.Day >= first && b.Day <= last
                && ((b.ChildId == child.Id && (b.Outcome == LineOutcome.Accepted || b.Outcome == LineOutcome.Waitlisted))
                    || (b.FamilyAccountId == query.FamilyAccountId && b.ChildId == child.Id && b.Outcome == LineOutcome.Refused)))
            .ToListAsync(cancellationToken))
            .Where(b => shown.Contains(b.ActivityId))
            .ToList();
        var cart = await db.CartItems.AsNoTracking()
            .Where(c => c.FamilyAccountId == query.FamilyAccountId && c.ChildId == child.Id && c.Day >= first && c.Day <= last)
            .ToListAsync(cancellationToken);

        var today = clock.TodayInParis();
        var days = new List<CalendarDay>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var cells = new List<CalendarCell>();
            foreach (var activity in activities)
            {
                var mark = cart.FirstOrDefault(c => c.ActivityId == activity.Id && c.Day == day) is { } item
                    ? item.Action == BookingAction.Book ? CartMark.ToBook : CartMark.ToCancel
                    : CartMark.None;
                var lines = bookings.Where(b => b.ActivityId == activity.Id && b.Day == day).ToList();
                slots.TryGetValue((activity.Id, day), out var slot);
                cells.Add(Cell(activity, day, today, rules, child, query.FamilyAccountId, lines, slot, mark));
            }

            days.Add(new CalendarDay(day, cells));
        }

        var views = activities.Select(CatalogViews.ToView).ToList();
        return new CalendarView(child.Id, query.Year, query.Month, views, days);
    }

    internal static CalendarCell Cell(Activity activity, DateOnly day, DateOnly today, BookingRules rules, Dossier.Contracts.ChildView child,
        Guid familyAccountId, IReadOnlyList<Booking> lines, DaySlot? slot, CartMark mark)
    {
        var decision = BookingPolicy.ForCalendar(activity, child, day, rules.Evaluate(activity, day, today), DayLines.Of(lines, familyAccountId),
            slot ?? DaySlot.For(activity, day), familyAccountId);
        return new CalendarCell(activity.Id, decision.State, decision.RemainingPlaces, mark, decision.Reason?.Message, decision.Reason?.Code ?? DayReason.None);
    }
}
