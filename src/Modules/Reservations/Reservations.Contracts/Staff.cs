using Mediator;
using PortailFamille.BuildingBlocks.Messaging;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Reservations.Contracts;

/// <summary>Staff change an activity's places; days already created keep their bookings, new ones get the new figures.</summary>
public sealed record UpdateActivityCapacity(Guid ActivityId, int? Capacity, int WaitlistSize) : ICommand<Result>;

/// <summary>Staff create an activity. Weekdays: ISO numbers "1,2,4,5"; time slots "07:00;07:30" (empty when none is asked).</summary>
public sealed record CreateActivity(Guid StructureId, string Code, string Name, ActivityKind Kind, DayPart DayPart, string WalletCode, int? Capacity, int WaitlistSize,
    int? AgeMin, int? AgeMax, string Weekdays, string? ArrivalSlots, string? DepartureSlots) : ICommand<Result<Guid>>;

/// <summary>Staff open a booking period ("de vacances à vacances").</summary>
public sealed record CreateBookingPeriod(Guid StructureId, string Name, BookingPeriodKind Kind, DateOnly OpensOn, DateOnly StartsOn, DateOnly EndsOn) : ICommand<Result<Guid>>;

/// <summary>Staff close a day (for one kind of activity, or all when Kind is null); refused while active bookings exist that day.</summary>
public sealed record AddClosure(Guid StructureId, DateOnly Day, ActivityKind? Kind, string Reason) : ICommand<Result>;

public enum Attendance
{
    Present,
    Absent,
    Excused,
}

/// <summary>Who is expected at an activity on a day (accepted bookings), with the attendance marked so far.</summary>
public sealed record GetDaySheet(Guid ActivityId, DateOnly Day) : IQuery<Result<DaySheet>>;

public sealed record DaySheet(Guid ActivityId, string ActivityName, DateOnly Day, int? Capacity, IReadOnlyList<DaySheetLine> Expected, IReadOnlyList<WaitlistLine> Waitlist);

public sealed record DaySheetLine(Guid BookingId, Guid ChildId, string ChildName, Guid FamilyAccountId, string? Arrival, string? Departure, Attendance? Attendance,
    bool HasPai, string? Allergies, string? DietaryNeeds);

public sealed record WaitlistLine(Guid BookingId, Guid ChildId, string ChildName, DateTimeOffset RequestedAt);

/// <summary>Marks presence; present and unexcused absence are consumed (debited by Billing), an excused absence is not.</summary>
public sealed record MarkAttendance(Guid BookingId, Attendance Attendance) : ICommand<Result>;

/// <summary>Staff give a free place to a chosen waitlisted request.</summary>
public sealed record PromoteWaitlistedBooking(Guid BookingId) : ICommand<Result>;

/// <summary>A booked day was consumed (present, or absent without excuse): Billing debits it once.</summary>
public sealed record ConsumptionRecorded(Guid BookingId, Guid FamilyAccountId, Guid ChildId, Guid StructureId, string ActivityCode, string ActivityName, string WalletCode, DateOnly Day, DateTimeOffset MarkedAt) : IIntegrationEvent;

/// <summary>An attendance changed to "excused" after the day was consumed: Billing credits it back once.</summary>
public sealed record ConsumptionWithdrawn(Guid BookingId, Guid FamilyAccountId, string WalletCode, DateOnly Day, DateTimeOffset MarkedAt) : IIntegrationEvent;

/// <summary>Accepted bookings of a family not consumed yet, up to a day: what "Solde et paiements" estimates.</summary>
public sealed record ListUndebitedBookings(Guid FamilyAccountId, DateOnly UpTo) : IQuery<IReadOnlyList<UndebitedBooking>>;

public sealed record UndebitedBooking(Guid BookingId, Guid StructureId, string ActivityCode, string WalletCode, DateOnly Day);
