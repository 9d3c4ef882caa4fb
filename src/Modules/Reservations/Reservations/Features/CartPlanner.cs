using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Time;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Reservations.Features;

/// <summary>Applies the cart rules for one child, one activity and a set of days; tracks the changes in the DbContext.</summary>
internal sealed class CartPlanner
{
    private readonly ReservationsDbContext _db;
    private readonly Guid _family;
    private readonly ChildView _child;
    private readonly Activity _activity;
    private readonly List<DateOnly> _days;
    private readonly BookingRules _rules;
    private readonly DateOnly _today;
    private readonly DateTimeOffset _now;
    private readonly List<CartItem> _cart;
    private readonly List<Booking> _bookings;
    private readonly Dictionary<DateOnly, DaySlot> _slots;
    private readonly List<SkippedDay> _skipped = [];
    private int _added, _removed;

    private CartPlanner(ReservationsDbContext db, Guid family, ChildView child, Activity activity, List<DateOnly> days, BookingRules rules,
        DateOnly today, DateTimeOffset now, List<CartItem> cart, List<Booking> bookings, Dictionary<DateOnly, DaySlot> slots)
    {
        (_db, _family, _child, _activity, _days, _rules, _today, _now, _cart, _bookings, _slots) = (db, family, child, activity, days, rules, today, now, cart, bookings, slots);
    }

    public static async Task<CartPlanner> LoadAsync(ReservationsDbContext db, ReservationData data, Guid family, ChildView child, Activity activity,
        IEnumerable<DateOnly> days, TimeProvider clock, CancellationToken ct)
    {
        var list = days.Distinct().Order().ToList();
        var (first, last) = (list[0], list[^1]);
        var rules = await data.RulesAsync([activity.StructureId], ct);
        var cart = await db.CartItems.Where(c => c.FamilyAccountId == family && c.ChildId == child.Id && c.ActivityId == activity.Id && c.Day >= first && c.Day <= last).ToListAsync(ct);
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.ChildId == child.Id && b.ActivityId == activity.Id && b.Day >= first && b.Day <= last && (b.Outcome == LineOutcome.Accepted || b.Outcome == LineOutcome.Waitlisted))
            .ToListAsync(ct);
        var slots = await db.DaySlots.AsNoTracking().Where(s => s.ActivityId == activity.Id && s.Day >= first && s.Day <= last).ToDictionaryAsync(s => s.Day, ct);
        return new CartPlanner(db, family, child, activity, list, rules, clock.TodayInParis(), clock.GetUtcNow(), cart, bookings, slots);
    }

    public CartChange FlipEach(string? arrival, string? departure)
    {
        foreach (var day in _days)
        {
            if (ItemOn(day) is { } item) Remove(item);
            else if (OwnActiveBooking(day) is { } booking) AddCancel(day, booking);
            else AddBook(day, arrival, departure, report: true);
        }

        return Result();
    }

    /// <summary>Guide's quick toggles: "si le premier jour réservable n'est pas réservé, tout réserver ; s'il l'est, tout annuler".</summary>
    public CartChange AllLikeTheFirst(string? arrival, string? departure)
    {
        var first = _days.FirstOrDefault(d => ItemOn(d) is not null || OwnActiveBooking(d) is not null || CanBook(d).Ok);
        if (first == default) return Result(reportClosed: true);
        var bookAll = !WillBeBooked(first);
        foreach (var day in _days)
        {
            var item = ItemOn(day);
            var booking = OwnActiveBooking(day);
            if (bookAll)
            {
                if (item is { Action: BookingAction.Cancel }) Remove(item);
                else if (item is null && booking is null) AddBook(day, arrival, departure, report: false);
            }
            else
            {
                if (item is { Action: BookingAction.Book }) Remove(item);
                else if (item is null && booking is not null) AddCancel(day, booking);
            }
        }

        return Result();
    }

    /// <summary>Used by copy: book the given days if possible, reporting each refusal.</summary>
    public CartChange BookAll(IReadOnlyDictionary<DateOnly, (string? Arrival, string? Departure)> times)
    {
        foreach (var day in _days)
        {
            if (ItemOn(day) is { Action: BookingAction.Book } || OwnActiveBooking(day) is not null) continue;
            if (ItemOn(day) is { Action: BookingAction.Cancel } cancel) { Remove(cancel); continue; }
            var (arrival, departure) = times.TryGetValue(day, out var t) ? t : (null, null);
            if (_activity.ArrivalChoices.Count > 0 && !_activity.ArrivalChoices.Contains(arrival ?? "")) arrival = _activity.ArrivalChoices[0];
            if (_activity.DepartureChoices.Count > 0 && !_activity.DepartureChoices.Contains(departure ?? "")) departure = _activity.DepartureChoices[^1];
            AddBook(day, arrival, departure, report: true);
        }

        return Result();
    }

    private bool WillBeBooked(DateOnly day) =>
        ItemOn(day) is { Action: BookingAction.Book } || (OwnActiveBooking(day) is not null && ItemOn(day) is not { Action: BookingAction.Cancel });

    private CartItem? ItemOn(DateOnly day) => _cart.FirstOrDefault(c => c.Day == day);

    private Booking? OwnActiveBooking(DateOnly day) => _bookings.FirstOrDefault(b => b.Day == day && b.FamilyAccountId == _family);

    private (bool Ok, bool Runs, DayRefusal? Refusal) CanBook(DateOnly day)
    {
        var verdict = _rules.Evaluate(_activity, day, _today);
        var refusal = BookingPolicy.MayAsk(_activity, _child, day, verdict, DayLines.Of(_bookings.Where(b => b.Day == day), _family), _family)
            ?? BookingPolicy.Places(_slots.GetValueOrDefault(day) ?? DaySlot.For(_activity, day));
        return (refusal is null, verdict.Runs, refusal);
    }

    private void AddBook(DateOnly day, string? arrival, string? departure, bool report)
    {
        var (ok, runs, refusal) = CanBook(day);
        if (ok && _activity.ArrivalChoices.Count > 0 && arrival is null) (ok, refusal) = (false, new DayRefusal(DayReason.ArrivalNeeded, ToggleCartDaysHandler.ArrivalMessage(_activity)));
        if (ok && _activity.DepartureChoices.Count > 0 && departure is null) (ok, refusal) = (false, new DayRefusal(DayReason.DepartureNeeded, ToggleCartDaysHandler.DepartureMessage(_activity)));
        if (!ok)
        {
            // A whole-month toggle crosses weekends and days off: only days the activity runs are worth a message.
            if (runs || report) Skip(day, refusal!);
            return;
        }

        var item = CartItem.ToBook(_family, _child.Id, _activity.Id, day, arrival, departure, _now);
        _db.CartItems.Add(item);
        _cart.Add(item);
        _added++;
    }

    private void Skip(DateOnly day, DayRefusal refusal) => _skipped.Add(new SkippedDay(day, _activity.Name, refusal.Message, refusal.Code));

    private void AddCancel(DateOnly day, Booking booking)
    {
        var verdict = _rules.Evaluate(_activity, day, _today);
        if (!verdict.Open)
        {
            Skip(day, verdict.Refusal!);
            return;
        }

        var item = CartItem.ToCancel(_family, booking, _now);
        _db.CartItems.Add(item);
        _cart.Add(item);
        _added++;
    }

    private void Remove(CartItem item)
    {
        _db.CartItems.Remove(item);
        _cart.Remove(item);
        _removed++;
    }

    private CartChange Result(bool reportClosed = false)
    {
        if (reportClosed && _skipped.Count == 0) Skip(_days[0], BookingPolicy.NothingBookable);
        return new CartChange(_added, _removed, _skipped);
    }
}
