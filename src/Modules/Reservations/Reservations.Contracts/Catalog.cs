using Mediator;

namespace PortailFamille.Reservations.Contracts;

public enum ActivityKind
{
    Canteen,
    MorningCare,
    EveningCare,
    WednesdayCentre,
    HolidayCentre,
}

public enum DayPart
{
    FullDay,
    Morning,
    Afternoon,
}

/// <summary>When a booked day is charged: when staff mark attendance (accueils, restauration), or as soon as it is accepted (centres de loisirs).</summary>
public enum BillingMode
{
    OnAttendance,
    OnBooking,
}

public enum BookingPeriodKind
{
    SchoolTime,
    Holidays,
}

public sealed record ListActivities(Guid StructureId) : IQuery<IReadOnlyList<ActivityView>>;

public sealed record ActivityView(
    Guid Id,
    Guid StructureId,
    string Code,
    string Name,
    ActivityKind Kind,
    DayPart DayPart,
    string? AgeGroup,
    string WalletCode,
    int? Capacity,
    int WaitlistSize,
    IReadOnlyList<string> ArrivalSlots,
    IReadOnlyList<string> DepartureSlots,
    BillingMode BillingMode = BillingMode.OnAttendance);

public sealed record ListBookingPeriods(Guid StructureId) : IQuery<IReadOnlyList<BookingPeriodView>>;

public sealed record BookingPeriodView(Guid Id, Guid StructureId, string Name, BookingPeriodKind Kind, DateOnly OpensOn, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<ClosureView> Closures);

public sealed record ClosureView(DateOnly Day, ActivityKind? Kind, string Reason);
