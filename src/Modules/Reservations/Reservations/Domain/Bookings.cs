using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Reservations.Domain;

/// <summary>
/// Places of one activity on one day. Taking a place is a conditional update on this row
/// ("taken &lt; capacity"), so two confirmations can never both take the last place.
/// </summary>
internal sealed class DaySlot
{
    private DaySlot() { }

    public Guid ActivityId { get; private set; }
    public DateOnly Day { get; private set; }
    /// <summary>Null: unlimited.</summary>
    public int? Capacity { get; private set; }
    public int WaitlistSize { get; private set; }
    public int Taken { get; private set; }
    public int Waitlisted { get; private set; }

    public static DaySlot For(Activity activity, DateOnly day) =>
        new() { ActivityId = activity.Id, Day = day, Capacity = activity.Capacity, WaitlistSize = activity.WaitlistSize };

    public int? Remaining => Capacity is { } c ? Math.Max(0, c - Taken) : null;

    public bool HasRoom => Capacity is not { } c || Taken < c;

    public bool WaitlistHasRoom => Waitlisted < WaitlistSize;
}

/// <summary>One child booked (or waitlisted, refused, cancelled) on one activity and day.</summary>
internal sealed class Booking
{
    private Booking() { }

    public Guid Id { get; private set; }
    public Guid FamilyAccountId { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid ActivityId { get; private set; }
    public DateOnly Day { get; private set; }
    public LineOutcome Outcome { get; private set; }
    public string? RefusalReason { get; private set; }
    public string? Arrival { get; private set; }
    public string? Departure { get; private set; }
    public Guid ConfirmationId { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    /// <summary>When the nightly run transmitted the line ("non transmise" until then).</summary>
    public DateTimeOffset? TransmittedAt { get; private set; }
    public Attendance? Attendance { get; private set; }
    public DateTimeOffset? AttendanceMarkedAt { get; private set; }

    /// <summary>Present, or absent without excuse: the day is paid.</summary>
    public static bool IsConsumed(Attendance? attendance) => attendance is Contracts.Attendance.Present or Contracts.Attendance.Absent;

    public bool IsActive => Outcome is LineOutcome.Accepted or LineOutcome.Waitlisted;

    public static Booking Record(Guid familyAccountId, Guid childId, Guid activityId, DateOnly day, LineOutcome outcome, string? reason,
        string? arrival, string? departure, Guid confirmationId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        FamilyAccountId = familyAccountId,
        ChildId = childId,
        ActivityId = activityId,
        Day = day,
        Outcome = outcome,
        RefusalReason = reason,
        Arrival = arrival,
        Departure = departure,
        ConfirmationId = confirmationId,
        RequestedAt = now,
    };

    public BookingStatus Status => TransmittedAt is null ? BookingStatus.NotTransmitted : Outcome switch
    {
        LineOutcome.Accepted => BookingStatus.Accepted,
        LineOutcome.Waitlisted => BookingStatus.Waitlisted,
        LineOutcome.Refused => BookingStatus.Refused,
        LineOutcome.Cancelled => BookingStatus.Cancelled,
        _ => BookingStatus.Transmitted,
    };
}

/// <summary>The family's cart, kept server-side until "Valider" or "Abandonner".</summary>
internal sealed class CartItem
{
    private CartItem() { }

    public Guid Id { get; private set; }
    public Guid FamilyAccountId { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid ActivityId { get; private set; }
    public DateOnly Day { get; private set; }
    public BookingAction Action { get; private set; }
    /// <summary>For a cancellation: the booking cancelled.</summary>
    public Guid? BookingId { get; private set; }
    public string? Arrival { get; private set; }
    public string? Departure { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }

    public static CartItem ToBook(Guid familyAccountId, Guid childId, Guid activityId, DateOnly day, string? arrival, string? departure, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), FamilyAccountId = familyAccountId, ChildId = childId, ActivityId = activityId, Day = day,
        Action = BookingAction.Book, Arrival = arrival, Departure = departure, AddedAt = now,
    };

    public static CartItem ToCancel(Guid familyAccountId, Booking booking, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), FamilyAccountId = familyAccountId, ChildId = booking.ChildId, ActivityId = booking.ActivityId, Day = booking.Day,
        Action = BookingAction.Cancel, BookingId = booking.Id, AddedAt = now,
    };
}
