using PortailFamille.BuildingBlocks.Time;

namespace PortailFamille.Bench;

internal sealed record BenchActivity(Guid Id, string Code, string Name, string Kind, string DayPart, string Wallet, string Weekdays,
    int? Capacity, int WaitlistSize, int? AgeMin = null, int? AgeMax = null, string ArrivalSlots = "", string DepartureSlots = "");

internal sealed record BenchSchool(int Index, string Name, BenchActivity Canteen, BenchActivity MorningCare, BenchActivity EveningCare);

internal sealed record BenchChild(Guid Id, string FirstName, DateOnly BirthDate);

internal sealed record BenchFamily(int Index, Guid Id, string Identifier, string LastName, string FirstName, BenchSchool School, IReadOnlyList<BenchChild> Children);

/// <summary>
/// The generated city, in memory: one structure « Éducation », <c>Schools</c> schools each with a canteen
/// (every 8th one with few places, so the rush fills it), a morning and an evening care; one Wednesday
/// centre per 4 schools with two age groups and places; one school-time period of 7 weeks that opened
/// today; families with 1 or 2 children (children / families on average), each at one school.
/// </summary>
internal sealed class CityPlan
{
    public const string Password = "Bench-2026";
    public const string StructureCode = "EDUCATION";

    public Guid StructureId { get; } = Guid.CreateVersion7();
    public Guid PeriodId { get; } = Guid.CreateVersion7();
    public Guid ClosureId { get; } = Guid.CreateVersion7();
    public DateOnly Today { get; }
    public DateOnly OpensOn { get; }
    public DateOnly StartsOn { get; }
    public DateOnly EndsOn { get; }
    public DateOnly ClosedOn { get; }
    public IReadOnlyList<BenchSchool> Schools { get; }
    public IReadOnlyList<BenchActivity> WednesdayCentres { get; }
    public IReadOnlyList<BenchActivity> Activities { get; }
    public IReadOnlyList<BenchFamily> Families { get; }
    public int ChildCount { get; }

    /// <summary>The calendar month parents book in the rush: the one with most canteen days still bookable.</summary>
    public (int Year, int Month) RushMonth { get; }
    /// <summary>Every day of <see cref="RushMonth"/> (the month toggle sends them all; the portal skips what does not run).</summary>
    public IReadOnlyList<DateOnly> RushMonthDays { get; }
    /// <summary>The canteen days of the rush month a parent can still book today (what the raw baseline inserts).</summary>
    public IReadOnlyList<DateOnly> CanteenDays { get; }
    /// <summary>Days the care activities run in the period (for the nightly lines).</summary>
    public IReadOnlyList<DateOnly> CareDays { get; }

    public CityPlan(BenchOptions options, TimeProvider clock)
    {
        var random = new Random(options.Seed);
        Today = clock.TodayInParis();
        OpensOn = Today;
        // The next Monday at least a week away, for 7 weeks (Monday to the Friday of week 7).
        StartsOn = Today.AddDays(7);
        while (StartsOn.DayOfWeek != DayOfWeek.Monday) StartsOn = StartsOn.AddDays(1);
        EndsOn = StartsOn.AddDays(7 * 7 - 3);
        ClosedOn = StartsOn.AddDays(7 * 3 + 3); // a Thursday of week 4: a public holiday
        var schoolDays = new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        CareDays = Days(StartsOn, EndsOn).Where(d => schoolDays.Contains(d.DayOfWeek) && d != ClosedOn).ToList();
        var bookable = CareDays.Where(d => d >= Today.AddDays(3)).ToList();
        RushMonth = bookable.GroupBy(d => (d.Year, d.Month)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var first = new DateOnly(RushMonth.Year, RushMonth.Month, 1);
        RushMonthDays = Days(first, first.AddMonths(1).AddDays(-1)).ToList();
        CanteenDays = bookable.Where(d => (d.Year, d.Month) == RushMonth).ToList();

        var perSchool = Math.Max(1, options.Children / options.Schools);
        var schools = new List<BenchSchool>();
        for (var s = 1; s <= options.Schools; s++)
        {
            // Every 8th canteen (the first one included) has places for ~2 % of its pupils: the rush fills it.
            var tight = s % 8 == 1;
            int? capacity = tight ? Math.Max(4, perSchool / 50) : null;
            schools.Add(new BenchSchool(s, $"École {s:00}",
                new BenchActivity(Guid.CreateVersion7(), $"RESTAURATION_{s:00}", $"RESTAURATION École {s:00}", "Canteen", "FullDay", "RESTAURATION", "1,2,4,5",
                    capacity, tight ? Math.Max(2, capacity!.Value / 4) : 0),
                new BenchActivity(Guid.CreateVersion7(), $"ACCUEIL_MATIN_{s:00}", $"ACCUEIL MATIN École {s:00}", "MorningCare", "Morning", "PERISCOLAIRE", "1,2,4,5",
                    null, 0, ArrivalSlots: "07:00;07:30;08:00;08:30"),
                new BenchActivity(Guid.CreateVersion7(), $"ACCUEIL_SOIR_{s:00}", $"ACCUEIL SOIR École {s:00}", "EveningCare", "Afternoon", "PERISCOLAIRE", "1,2,4,5",
                    null, 0, DepartureSlots: "16:30;17:00;17:30;18:00;18:30")));
        }

        Schools = schools;
        var centres = new List<BenchActivity>();
        for (var c = 1; c <= (options.Schools + 3) / 4; c++)
        {
            centres.Add(new BenchActivity(Guid.CreateVersion7(), $"MERCREDI_3_6_{c:00}", $"MERCREDI 3/6 Centre {c:00}", "WednesdayCentre", "FullDay", "PERISCOLAIRE", "3",
                48, 10, 3, 6));
            centres.Add(new BenchActivity(Guid.CreateVersion7(), $"MERCREDI_7_11_{c:00}", $"MERCREDI 7/11 Centre {c:00}", "WednesdayCentre", "FullDay", "PERISCOLAIRE", "3",
                72, 12, 7, 11));
        }

        WednesdayCentres = centres;
        Activities = [.. schools.SelectMany(s => new[] { s.Canteen, s.MorningCare, s.EveningCare }), .. centres];

        // Children per family: 1 or 2 (a few 3 when there are more than twice as many children as families).
        var counts = new int[options.Families];
        for (var i = 0; i < counts.Length; i++) counts[i] = options.Children / options.Families;
        for (var i = 0; i < options.Children % options.Families; i++) counts[i]++;
        random.Shuffle(counts);
        var families = new List<BenchFamily>(options.Families);
        for (var i = 0; i < options.Families; i++)
        {
            var lastName = LastNames[random.Next(LastNames.Length)];
            var children = new List<BenchChild>(counts[i]);
            for (var c = 0; c < counts[i]; c++)
            {
                var age = random.Next(3, 12);
                children.Add(new BenchChild(Guid.CreateVersion7(), FirstNames[random.Next(FirstNames.Length)],
                    StartsOn.AddYears(-age).AddDays(-random.Next(0, 360))));
            }

            families.Add(new BenchFamily(i, Guid.CreateVersion7(), $"bench{i + 1:000000}", lastName, FirstNames[random.Next(FirstNames.Length)],
                schools[random.Next(schools.Count)], children));
        }

        random.Shuffle(CollectionsMarshalList(families));
        Families = families;
        ChildCount = options.Children;
    }

    private static Span<BenchFamily> CollectionsMarshalList(List<BenchFamily> list) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1)) yield return d;
    }

    private static readonly string[] LastNames =
    [
        "MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU", "LAURENT",
        "SIMON", "MICHEL", "LEFEBVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL", "FOURNIER", "GIRARD",
    ];

    private static readonly string[] FirstNames =
    [
        "Léa", "Hugo", "Chloé", "Lucas", "Manon", "Louis", "Jade", "Gabriel", "Inès", "Raphaël",
        "Lina", "Arthur", "Emma", "Jules", "Alice", "Adam", "Rose", "Nathan", "Zoé", "Karim",
    ];
}

/// <summary>Hands out each family once, to whichever scenario asks next (rush, opening, baseline never share one).</summary>
internal sealed class FamilyPool(IReadOnlyList<BenchFamily> families)
{
    private int _next = -1;

    public int Used => Math.Min(Volatile.Read(ref _next) + 1, families.Count);

    public BenchFamily? Take()
    {
        var i = Interlocked.Increment(ref _next);
        return i < families.Count ? families[i] : null;
    }
}
