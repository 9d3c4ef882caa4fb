using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Reservations.Domain;

internal sealed class Activity
{
    private Activity() { }

    public Guid Id { get; private set; }
    public Guid StructureId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public ActivityKind Kind { get; private set; }
    public DayPart DayPart { get; private set; }
    public int? AgeMin { get; private set; }
    public int? AgeMax { get; private set; }
    /// <summary>The Billing wallet this activity is paid from (RESTAURATION, PERISCOLAIRE…).</summary>
    public string WalletCode { get; private set; } = "";
    /// <summary>Null: unlimited.</summary>
    public int? Capacity { get; private set; }
    public int WaitlistSize { get; private set; }
    /// <summary>Allowed arrival times ("07:00;07:30"), empty when none is asked.</summary>
    public string ArrivalSlots { get; private set; } = "";
    public string DepartureSlots { get; private set; } = "";

    public string? AgeGroup => AgeMin is { } min && AgeMax is { } max ? $"{min}-{max} ans" : null;

    public static Activity Create(Guid id, Guid structureId, string code, string name, ActivityKind kind, DayPart dayPart,
        string walletCode, int? capacity = null, int waitlistSize = 0, int? ageMin = null, int? ageMax = null,
        string arrivalSlots = "", string departureSlots = "")
    {
        if (capacity is < 0) throw new ArgumentOutOfRangeException(nameof(capacity), "A capacity cannot be negative.");
        return new Activity
        {
            Id = id,
            StructureId = structureId,
            Code = code,
            Name = name,
            Kind = kind,
            DayPart = dayPart,
            WalletCode = walletCode,
            Capacity = capacity,
            WaitlistSize = waitlistSize,
            AgeMin = ageMin,
            AgeMax = ageMax,
            ArrivalSlots = arrivalSlots,
            DepartureSlots = departureSlots,
        };
    }
}

/// <summary>Période de réservation: "de vacances à vacances", opening on a given day.</summary>
internal sealed class BookingPeriod
{
    private BookingPeriod() { }

    public Guid Id { get; private set; }
    public Guid StructureId { get; private set; }
    public string Name { get; private set; } = "";
    public BookingPeriodKind Kind { get; private set; }
    public DateOnly OpensOn { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }

    public static BookingPeriod Create(Guid id, Guid structureId, string name, BookingPeriodKind kind, DateOnly opensOn, DateOnly startsOn, DateOnly endsOn)
    {
        if (endsOn < startsOn) throw new ArgumentException("A booking period cannot end before it starts.", nameof(endsOn));
        if (opensOn > startsOn) throw new ArgumentException("A booking period must open before it starts.", nameof(opensOn));
        return new BookingPeriod { Id = id, StructureId = structureId, Name = name, Kind = kind, OpensOn = opensOn, StartsOn = startsOn, EndsOn = endsOn };
    }
}

/// <summary>A day not bookable, for one kind of activity or (Kind null) for all.</summary>
internal sealed class Closure
{
    private Closure() { }

    public Guid Id { get; private set; }
    public Guid StructureId { get; private set; }
    public DateOnly Day { get; private set; }
    public ActivityKind? Kind { get; private set; }
    public string Reason { get; private set; } = "";

    public static Closure Create(Guid id, Guid structureId, DateOnly day, ActivityKind? kind, string reason) =>
        new() { Id = id, StructureId = structureId, Day = day, Kind = kind, Reason = reason };
}
