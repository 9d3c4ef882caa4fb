using Microsoft.Extensions.Time.Testing;
using PortailFamille.BuildingBlocks.Time;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;

namespace PortailFamille.Reservations.Tests.Domain;

/// <summary>The guide's 2024/2025 calendar: PÉRIODE 1 opens Monday 19 Aug 2024 for 2 Sep–18 Oct 2024.</summary>
public sealed class BookingRulesTests
{
    private static readonly Guid Edu = Guid.NewGuid();
    private static readonly Guid Leisure = Guid.NewGuid();
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static readonly BookingPeriod Period1 = BookingPeriod.Create(Guid.NewGuid(), Edu, "PÉRIODE 1", BookingPeriodKind.SchoolTime, D(2024, 8, 19), D(2024, 9, 2), D(2024, 10, 18));
    private static readonly BookingPeriod Period2 = BookingPeriod.Create(Guid.NewGuid(), Edu, "PÉRIODE 2", BookingPeriodKind.SchoolTime, D(2024, 10, 18), D(2024, 11, 4), D(2025, 1, 3));
    private static readonly BookingPeriod Toussaint = BookingPeriod.Create(Guid.NewGuid(), Leisure, "VACANCES DE LA TOUSSAINT 2024", BookingPeriodKind.Holidays, D(2024, 8, 19), D(2024, 10, 21), D(2024, 10, 31));

    private static readonly Activity Canteen = Activity.Create(Guid.NewGuid(), Edu, "RESTAURATION", "RESTAURATION", ActivityKind.Canteen, DayPart.FullDay, "RESTAURATION", weekdays: "1,2,4,5");
    private static readonly Activity Wednesday = Activity.Create(Guid.NewGuid(), Edu, "MERCREDI_7_11", "MERCREDI 7/11 PIERRETTES", ActivityKind.WednesdayCentre, DayPart.FullDay, "PERISCOLAIRE", 36, 10, 7, 11, weekdays: "3");
    private static readonly Activity HolidayCentre = Activity.Create(Guid.NewGuid(), Leisure, "ALSH_3_6_JOURNEE", "ALSH 3-6 ans Journée", ActivityKind.HolidayCentre, DayPart.FullDay, "PERISCOLAIRE", 32, 10, 3, 6);

    private static readonly BookingRules Rules = new(
        [Period1, Period2, Toussaint],
        [Closure.Create(Guid.NewGuid(), Edu, D(2024, 9, 4), ActivityKind.WednesdayCentre, "Fermeture exceptionnelle du centre de loisirs"),
         Closure.Create(Guid.NewGuid(), Edu, D(2024, 11, 11), null, "Armistice (jour férié)")],
        [SchoolHoliday.Create(Guid.NewGuid(), "vacances de la Toussaint", D(2024, 10, 19), D(2024, 11, 3))]);

    [Fact]
    public void Canteen_day_is_bookable_up_to_three_days_before()
    {
        // Thursday 12 September 2024: bookable until Monday 9 September included.
        Assert.True(Rules.Evaluate(Canteen, D(2024, 9, 12), D(2024, 9, 9)).Open);
        var late = Rules.Evaluate(Canteen, D(2024, 9, 12), D(2024, 9, 10));
        Assert.False(late.Open);
        Assert.Equal("Le jeudi 12 septembre 2024 n'est plus réservable : la réservation ferme 3 jours avant.", late.Reason);
    }

    [Fact]
    public void First_day_of_school_needs_three_days_notice_too() =>
        Assert.Equal((true, false), (Rules.Evaluate(Canteen, D(2024, 9, 2), D(2024, 8, 30)).Open, Rules.Evaluate(Canteen, D(2024, 9, 2), D(2024, 8, 31)).Open));

    [Fact]
    public void Nothing_is_bookable_before_the_period_opens()
    {
        var verdict = Rules.Evaluate(Canteen, D(2024, 9, 12), D(2024, 8, 18));
        Assert.False(verdict.Open);
        Assert.Equal("Les réservations de la PÉRIODE 1 ouvrent le lundi 19 août 2024.", verdict.Reason);
        Assert.True(Rules.Evaluate(Canteen, D(2024, 9, 12), D(2024, 8, 19)).Open);
    }

    [Fact]
    public void Holiday_centre_closes_fourteen_days_before_the_whole_holiday_period()
    {
        // Toussaint 2024 starts Monday 21 October: bookable until Monday 7 October, for every day of it.
        Assert.True(Rules.Evaluate(HolidayCentre, D(2024, 10, 31), D(2024, 10, 7)).Open);
        var late = Rules.Evaluate(HolidayCentre, D(2024, 10, 31), D(2024, 10, 8));
        Assert.False(late.Open);
        Assert.Contains("ferment 14 jours avant leur début, le lundi 7 octobre 2024", late.Reason);
    }

    [Fact]
    public void Closures_are_not_bookable()
    {
        var closed = Rules.Evaluate(Wednesday, D(2024, 9, 4), D(2024, 8, 20));
        Assert.False(closed.Runs);
        Assert.Contains("Fermeture exceptionnelle du centre de loisirs", closed.Reason);
        Assert.True(Rules.Evaluate(Wednesday, D(2024, 9, 11), D(2024, 8, 20)).Open);
        Assert.False(Rules.Evaluate(Canteen, D(2024, 11, 11), D(2024, 10, 20)).Runs); // a bank holiday closes every activity
    }

    [Fact]
    public void School_time_activities_do_not_run_during_school_holidays_or_off_days()
    {
        Assert.False(Rules.Evaluate(Canteen, D(2024, 10, 22), D(2024, 10, 1)).Runs);  // Toussaint
        Assert.False(Rules.Evaluate(Canteen, D(2024, 9, 11), D(2024, 8, 20)).Runs);   // a Wednesday
        Assert.False(Rules.Evaluate(Wednesday, D(2024, 9, 12), D(2024, 8, 20)).Runs); // a Thursday
        Assert.False(Rules.Evaluate(Canteen, D(2024, 10, 19), D(2024, 8, 20)).Runs);  // out of any period
    }

    [Theory]
    // Paris leaves summer time on Sunday 27 October 2024 at 03:00. Wednesday 30 October's deadline is Sunday 27.
    [InlineData("2024-10-26T21:59:59Z", true)]  // Saturday 23:59:59 in Paris (UTC+2)
    [InlineData("2024-10-27T22:59:59Z", true)]  // Sunday 23:59:59 in Paris (UTC+1): last second of the deadline day
    [InlineData("2024-10-27T23:00:00Z", false)] // Monday 00:00 in Paris
    public void Deadlines_follow_the_day_in_Paris_across_the_clock_change(string utcNow, bool open)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture));
        var period = BookingPeriod.Create(Guid.NewGuid(), Edu, "TEST", BookingPeriodKind.SchoolTime, D(2024, 10, 1), D(2024, 10, 1), D(2024, 11, 30));
        var rules = new BookingRules([period], [], []);
        var everyDay = Activity.Create(Guid.NewGuid(), Edu, "ACCUEIL", "ACCUEIL", ActivityKind.MorningCare, DayPart.Morning, "PERISCOLAIRE");

        Assert.Equal(open, rules.Evaluate(everyDay, D(2024, 10, 30), clock.TodayInParis()).Open);
    }

    [Fact]
    public void Spring_forward_day_keeps_the_same_rule()
    {
        // Sunday 30 March 2025 has 23 hours in Paris; Thursday 3 April closes at the end of Monday 31 March.
        var period = BookingPeriod.Create(Guid.NewGuid(), Edu, "TEST", BookingPeriodKind.SchoolTime, D(2025, 3, 1), D(2025, 3, 1), D(2025, 4, 30));
        var rules = new BookingRules([period], [], []);
        var before = new FakeTimeProvider(new DateTimeOffset(2025, 3, 31, 21, 59, 59, TimeSpan.Zero)); // 23:59:59 CEST
        var after = new FakeTimeProvider(new DateTimeOffset(2025, 3, 31, 22, 0, 0, TimeSpan.Zero));    // 00:00 CEST

        Assert.True(rules.Evaluate(Canteen, D(2025, 4, 3), before.TodayInParis()).Open);
        Assert.False(rules.Evaluate(Canteen, D(2025, 4, 3), after.TodayInParis()).Open);
    }

    [Theory]
    [InlineData("2018-05-10", "2024-09-11", true)]   // 6 years old, 7/11 needs 7: no
    [InlineData("2017-09-11", "2024-09-11", true)]   // 7 today
    [InlineData("2012-09-12", "2024-09-11", true)]   // 11, 12 tomorrow
    [InlineData("2012-09-11", "2024-09-11", false)]  // 12 today
    public void Age_groups_are_checked_on_the_day(string birth, string day, bool acceptsIfAtLeastSeven)
    {
        var age = BookingRules.AgeOn(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(acceptsIfAtLeastSeven && age >= 7, Wednesday.AcceptsAge(age));
    }
}
