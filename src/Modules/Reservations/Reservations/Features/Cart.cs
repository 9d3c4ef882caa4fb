using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Contracts;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.BuildingBlocks.Time;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Reservations.Features;

internal sealed class ToggleCartDaysValidator : AbstractValidator<ToggleCartDays>
{
    public ToggleCartDaysValidator()
    {
        RuleFor(x => x.Days).NotEmpty().WithMessage("Choisissez au moins un jour.")
            .Must(d => d.Count <= 62).WithMessage("Choisissez au plus deux mois de jours à la fois.");
        RuleFor(x => x.ChildId).NotEmpty().WithMessage("Choisissez un enfant.");
        RuleFor(x => x.ActivityId).NotEmpty().WithMessage("Choisissez une activité.");
    }
}

internal sealed class ToggleCartDaysHandler(ReservationsDbContext db, ReservationData data, TimeProvider clock) : ICommandHandler<ToggleCartDays, Result<CartChange>>
{
    public async ValueTask<Result<CartChange>> Handle(ToggleCartDays command, CancellationToken cancellationToken)
    {
        var child = (await data.ChildrenAsync(command.FamilyAccountId, cancellationToken)).FirstOrDefault(c => c.Id == command.ChildId);
        if (child is null) return ReservationErrors.ChildNotFound;
        var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == command.ActivityId, cancellationToken);
        if (activity is null) return ReservationErrors.ActivityNotFound;
        if (CheckTimes(activity, command.Arrival, command.Departure) is { } timeError) return timeError;

        var planner = await CartPlanner.LoadAsync(db, data, command.FamilyAccountId, child, activity, command.Days, clock, cancellationToken);
        var change = command.Scope == ToggleScope.EachDay
            ? planner.FlipEach(command.Arrival, command.Departure)
            : planner.AllLikeTheFirst(command.Arrival, command.Departure);
        return await CartChanges.SaveAsync(db, change, cancellationToken);
    }

    /// <summary>Times given must be allowed ones; whether they are needed depends on the days (a cancellation needs none).</summary>
    internal static Error? CheckTimes(Activity activity, string? arrival, string? departure)
    {
        if (arrival is not null && !activity.ArrivalChoices.Contains(arrival))
            return Error.Validation("reservations.arrival_not_allowed", ArrivalMessage(activity));
        if (departure is not null && !activity.DepartureChoices.Contains(departure))
            return Error.Validation("reservations.departure_not_allowed", DepartureMessage(activity));
        return null;
    }

    internal static string ArrivalMessage(Activity activity) =>
        activity.ArrivalChoices.Count == 0 ? $"L'activité {activity.Name} ne demande pas d'heure d'arrivée." : $"Choisissez l'heure d'arrivée parmi : {string.Join(", ", activity.ArrivalChoices)}.";

    internal static string DepartureMessage(Activity activity) =>
        activity.DepartureChoices.Count == 0 ? $"L'activité {activity.Name} ne demande pas d'heure de départ." : $"Choisissez l'heure de départ parmi : {string.Join(", ", activity.DepartureChoices)}.";
}

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

internal sealed class CopyCartDaysHandler(ReservationsDbContext db, ReservationData data, TimeProvider clock) : ICommandHandler<CopyCartDays, Result<CartChange>>
{
    public async ValueTask<Result<CartChange>> Handle(CopyCartDays command, CancellationToken cancellationToken)
    {
        var children = await data.ChildrenAsync(command.FamilyAccountId, cancellationToken);
        var target = children.FirstOrDefault(c => c.Id == command.ToChildId);
        if (target is null || children.All(c => c.Id != command.FromChildId)) return ReservationErrors.ChildNotFound;
        var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == command.ToActivityId, cancellationToken);
        if (activity is null) return ReservationErrors.ActivityNotFound;

        var source = await db.CartItems.AsNoTracking()
            .Where(c => c.FamilyAccountId == command.FamilyAccountId && c.ChildId == command.FromChildId && c.ActivityId == command.FromActivityId && c.Action == BookingAction.Book)
            .ToListAsync(cancellationToken);
        if (source.Count == 0)
            return Error.Validation("reservations.nothing_to_copy", "Aucun jour à copier : ajoutez d'abord des jours au panier pour cet enfant et cette activité.");
        if (command.FromChildId == command.ToChildId && command.FromActivityId == command.ToActivityId)
            return Error.Validation("reservations.copy_to_itself", "Choisissez un autre enfant ou une autre activité comme destination.");

        var planner = await CartPlanner.LoadAsync(db, data, command.FamilyAccountId, target, activity, source.Select(s => s.Day), clock, cancellationToken);
        var change = planner.BookAll(source.ToDictionary(s => s.Day, s => (s.Arrival, s.Departure)));
        return await CartChanges.SaveAsync(db, change, cancellationToken);
    }
}

internal sealed class GetCartHandler(ReservationsDbContext db, ReservationData data, ISender sender) : IQueryHandler<GetCart, CartView>
{
    public async ValueTask<CartView> Handle(GetCart query, CancellationToken cancellationToken)
    {
        var items = await db.CartItems.AsNoTracking()
            .Where(c => c.FamilyAccountId == query.FamilyAccountId)
            .Join(db.Activities, c => c.ActivityId, a => a.Id, (c, a) => new { Item = c, a.Name, a.Code, a.StructureId })
            .ToListAsync(cancellationToken);
        if (items.Count == 0) return new CartView([], [], 0m, 0m);

        var children = (await data.ChildrenAsync(query.FamilyAccountId, cancellationToken)).ToDictionary(c => c.Id);
        var prices = (await sender.Send(new PriceBookings(query.FamilyAccountId,
                items.Select(i => new BookingToPrice(i.Item.Id, i.StructureId, i.Code, i.Item.Day)).ToList()), cancellationToken))
            .ToDictionary(p => p.LineId);
        var lines = items
            .OrderBy(i => i.Item.Day).ThenBy(i => i.Name)
            .Select(i =>
            {
                var price = prices.GetValueOrDefault(i.Item.Id);
                return new CartLineView(i.Item.Id, i.Item.ChildId,
                    children.TryGetValue(i.Item.ChildId, out var c) ? $"{c.FirstName} {c.LastName}" : "Enfant",
                    i.Item.ActivityId, i.Name, i.Item.Day, i.Item.Action, price?.UnitPrice ?? 0m, price?.Bracket ?? "", i.Item.Arrival, i.Item.Departure);
            })
            .ToList();
        var bookings = lines.Where(l => l.Action == BookingAction.Book).ToList();
        var cancellations = lines.Where(l => l.Action == BookingAction.Cancel).ToList();
        return new CartView(bookings, cancellations, bookings.Sum(l => l.UnitPrice), cancellations.Sum(l => l.UnitPrice));
    }
}

internal sealed class RemoveCartItemHandler(ReservationsDbContext db) : ICommandHandler<RemoveCartItem, Result>
{
    public async ValueTask<Result> Handle(RemoveCartItem command, CancellationToken cancellationToken)
    {
        var removed = await db.CartItems.Where(c => c.Id == command.ItemId && c.FamilyAccountId == command.FamilyAccountId).ExecuteDeleteAsync(cancellationToken);
        return removed == 1 ? Result.Success() : ReservationErrors.CartItemNotFound;
    }
}

internal sealed class AbandonCartHandler(ReservationsDbContext db) : ICommandHandler<AbandonCart, Result>
{
    public async ValueTask<Result> Handle(AbandonCart command, CancellationToken cancellationToken)
    {
        await db.CartItems.Where(c => c.FamilyAccountId == command.FamilyAccountId).ExecuteDeleteAsync(cancellationToken);
        return Result.Success();
    }
}

internal static class CartChanges
{
    /// <summary>
    /// Saves a cart change. The same family's cart edited from two tabs at the same moment: the unique index on a
    /// cart's days (or a line the other tab just removed) refuses the later change, which is answered as such
    /// instead of being half applied.
    /// </summary>
    public static async Task<Result<CartChange>> SaveAsync(ReservationsDbContext db, CartChange change, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return change;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ReservationErrors.CartChangedElsewhere;
        }
    }
}
