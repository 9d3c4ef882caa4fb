using Mediator;
using PortailFamille.BuildingBlocks.Messaging;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Reservations.Contracts;

/// <summary>The calendar colour codes of the guides, one per cell (activity × day).</summary>
public enum DayState
{
    /// <summary>Not open for booking, or past the deadline (beige).</summary>
    NotOpen,
    /// <summary>Open, nothing booked (vert).</summary>
    Available,
    /// <summary>Full, but the waitlist has room.</summary>
    WaitlistOnly,
    /// <summary>Full, waitlist full: no booking possible.</summary>
    Full,
    /// <summary>Booked, can still be changed (orange).</summary>
    BookedChangeable,
    /// <summary>Booked, past the deadline (rouge).</summary>
    BookedLocked,
    /// <summary>On the waitlist, cancellable (the guides' « en liste d'attente ou refusé » colour).</summary>
    Waitlisted,
    /// <summary>Refused at confirmation (same colour as <see cref="Waitlisted"/>); nothing to cancel.</summary>
    Refused,
    /// <summary>Booked by the other parent of a separated couple.</summary>
    TakenByOtherParent,
}

/// <summary>
/// Why a day is in its state, or why a day could not be booked or cancelled: the code of one decision
/// (the module's BookingPolicy) behind the calendar, the cart and the confirmation; its French message goes with it.
/// </summary>
public enum DayReason
{
    None,
    NoPeriod,
    NotOnWeekday,
    Closed,
    SchoolHoliday,
    NotYetOpen,
    DeadlinePassed,
    ChildAge,
    ChildNotLinked,
    TakenByOtherParent,
    AlreadyBooked,
    Waitlisted,
    Refused,
    WaitlistOpen,
    FullAndWaitlistFull,
    ArrivalNeeded,
    DepartureNeeded,
    AlreadyCancelled,
    ChangedMeanwhile,
    NothingBookable,
}

public enum CartMark
{
    None,
    ToBook,
    ToCancel,
}

public enum BookingAction
{
    Book,
    Cancel,
}

/// <summary>What a confirmed line became.</summary>
public enum LineOutcome
{
    Accepted,
    Waitlisted,
    Refused,
    Cancelled,
}

/// <summary>The suivi's states (guide: non transmise, transmise, acceptée, en liste d'attente, refusée, annulée).</summary>
public enum BookingStatus
{
    NotTransmitted,
    Transmitted,
    Accepted,
    Waitlisted,
    Refused,
    Cancelled,
}

/// <summary>The month calendar of one child, for one activity or (ActivityId null) every activity.</summary>
public sealed record GetCalendar(Guid FamilyAccountId, Guid StructureId, Guid ChildId, Guid? ActivityId, int Year, int Month) : IQuery<Result<CalendarView>>;

public sealed record CalendarView(Guid ChildId, int Year, int Month, IReadOnlyList<ActivityView> Activities, IReadOnlyList<CalendarDay> Days);

public sealed record CalendarDay(DateOnly Day, IReadOnlyList<CalendarCell> Cells);

/// <summary><paramref name="Reason"/>: why the day cannot be booked, in French.</summary>
public sealed record CalendarCell(Guid ActivityId, DayState State, int? RemainingPlaces, CartMark InCart, string? Reason, DayReason ReasonCode = DayReason.None);

public enum ToggleScope
{
    /// <summary>Each day flips on its own (a click on a day).</summary>
    EachDay,
    /// <summary>Quick toggle (week, same weekday of the month, whole month): if the first bookable day is not booked, book all; if it is, cancel all.</summary>
    AllLikeTheFirst,
}

/// <summary>Adds or removes days of one activity for one child in the family's cart.</summary>
public sealed record ToggleCartDays(Guid FamilyAccountId, Guid ChildId, Guid ActivityId, IReadOnlyList<DateOnly> Days, ToggleScope Scope,
    string? Arrival = null, string? Departure = null) : ICommand<Result<CartChange>>;

public sealed record CartChange(int Added, int Removed, IReadOnlyList<SkippedDay> Skipped);

public sealed record SkippedDay(DateOnly Day, string ActivityName, string Reason, DayReason ReasonCode = DayReason.None);

/// <summary>Copies the days booked in the cart for one child and activity to another child or activity.</summary>
public sealed record CopyCartDays(Guid FamilyAccountId, Guid FromChildId, Guid FromActivityId, Guid ToChildId, Guid ToActivityId) : ICommand<Result<CartChange>>;

public sealed record GetCart(Guid FamilyAccountId) : IQuery<CartView>;

public sealed record CartView(IReadOnlyList<CartLineView> Bookings, IReadOnlyList<CartLineView> Cancellations, decimal BookingsTotal, decimal CancellationsTotal)
{
    public bool IsEmpty => Bookings.Count == 0 && Cancellations.Count == 0;
    public decimal Balance => BookingsTotal - CancellationsTotal;
}

public sealed record CartLineView(Guid ItemId, Guid ChildId, string ChildName, Guid ActivityId, string ActivityName, DateOnly Day, BookingAction Action,
    decimal UnitPrice, string Bracket, string? Arrival, string? Departure);

public sealed record RemoveCartItem(Guid FamilyAccountId, Guid ItemId) : ICommand<Result>;

/// <summary>"Abandonner": empties the cart, nothing is booked.</summary>
public sealed record AbandonCart(Guid FamilyAccountId) : ICommand<Result>;

/// <summary>The final "Valider": deadlines re-checked, places taken atomically, waitlist when full.</summary>
public sealed record ConfirmCart(Guid FamilyAccountId) : ICommand<Result<CartConfirmation>>;

public sealed record CartConfirmation(Guid ConfirmationId, IReadOnlyList<ConfirmedLine> Lines);

public sealed record ConfirmedLine(Guid ChildId, string ChildName, string ActivityName, DateOnly Day, BookingAction Action, LineOutcome Outcome, string? Reason,
    DayReason ReasonCode = DayReason.None);

/// <summary>Suivi des réservations of the family.</summary>
public sealed record ListBookings(Guid FamilyAccountId, bool HideTransmitted = false) : IQuery<IReadOnlyList<BookingLineView>>;

public sealed record BookingLineView(Guid Id, Guid ChildId, string ChildName, Guid ActivityId, string ActivityName, DateOnly Day, BookingStatus Status, LineOutcome Outcome,
    DateTimeOffset RequestedAt, string? Arrival, string? Departure);

/// <summary>A place of an activity on a day was released: the oldest waitlisted request gets it.</summary>
public sealed record PlaceFreed(Guid ActivityId, DateOnly Day) : IIntegrationEvent;

/// <summary>A waitlisted request got a place (Notifications mails the family).</summary>
public sealed record WaitlistPromoted(Guid BookingId, Guid FamilyAccountId, Guid ChildId, Guid ActivityId, DateOnly Day,
    string ChildName = "", string ActivityName = "") : IIntegrationEvent;

/// <summary>The family's private calendar feed address (created on first request).</summary>
public sealed record GetCalendarFeedToken(Guid FamilyAccountId) : ICommand<string>;

/// <summary>The iCalendar text of the accepted bookings of the family owning the token, or null for an unknown token.</summary>
public sealed record GetCalendarFeed(string Token) : IQuery<string?>;
