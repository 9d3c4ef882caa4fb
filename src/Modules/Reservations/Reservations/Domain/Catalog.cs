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
    public BillingMode BillingMode { get; private set; }

    /// <summary>Days of the week it runs, ISO numbers separated by commas ("1,2,4,5": no Wednesday).</summary>
    public string Weekdays { get; private set; } = "1,2,3,4,5";

    public bool RunsOn(DayOfWeek day) => Weekdays.Split(',').Contains(((int)day == 0 ? 7 : (int)day).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public IReadOnlyList<string> ArrivalChoices => ArrivalSlots.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    public IReadOnlyList<string> DepartureChoices => DepartureSlots.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Holiday centres book by holiday period (14 days before it starts); the others day by day (3 days before).</summary>
    public BookingPeriodKind PeriodKind => Kind == ActivityKind.HolidayCentre ? BookingPeriodKind.Holidays : BookingPeriodKind.SchoolTime;

    public bool AcceptsAge(int age) => (AgeMin is null || age >= AgeMin) && (AgeMax is null || age <= AgeMax);

    public void ChangeCapacity(int? capacity, int waitlistSize)
    {
        if (capacity is < 0 || waitlistSize < 0) throw new ArgumentOutOfRangeException(nameof(capacity), "Capacities cannot be negative.");
        Capacity = capacity;
        WaitlistSize = waitlistSize;
    }

    public string? AgeGroup => AgeMin is { } min && AgeMax is { } max ? $"{min}-{max} ans" : null;

    public static Activity Create(Guid id, Guid structureId, string code, string name, ActivityKind kind, DayPart dayPart,
        string walletCode, int? capacity = null, int waitlistSize = 0, int? ageMin = null, int? ageMax = null,
        string arrivalSlots = "", string departureSlots = "", string weekdays = "1,2,3,4,5", BillingMode billingMode = BillingMode.OnAttendance)
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
            Weekdays = weekdays,
            BillingMode = billingMode,
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

/// <summary>School holidays (zone A): school-time activities do not run then.</summary>
internal sealed class SchoolHoliday
{
    private SchoolHoliday() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public DateOnly FirstDay { get; private set; }
    public DateOnly LastDay { get; private set; }

    public static SchoolHoliday Create(Guid id, string name, DateOnly firstDay, DateOnly lastDay) =>
        new() { Id = id, Name = name, FirstDay = firstDay, LastDay = lastDay };

    public bool Contains(DateOnly day) => day >= FirstDay && day <= LastDay;
}
