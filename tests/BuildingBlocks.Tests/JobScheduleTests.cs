using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PortailFamille.BuildingBlocks.Messaging;

namespace PortailFamille.BuildingBlocks.Tests;

/// <summary>
/// The nightly schedule as Wolverine's recurring agent computes it: NextOccurrence(now) on its clock, strictly after
/// now, with Cronos handling daylight saving in Europe/Paris (changes of 2026: Sunday 29 March, Sunday 25 October).
/// </summary>
public sealed class JobScheduleTests
{
    private static DateTimeOffset Utc(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

    /// <summary>The instants the agent would publish, night after night, from the clock's start.</summary>
    private static List<DateTimeOffset> Nights(string at, string from, int count)
    {
        var schedule = JobSchedule.DailyInParis(TimeOnly.Parse(at, CultureInfo.InvariantCulture));
        var clock = new FakeTimeProvider(Utc(from));
        var nights = new List<DateTimeOffset>();
        for (var i = 0; i < count; i++)
        {
            var next = schedule.NextOccurrence(clock.GetUtcNow())!.Value;
            nights.Add(next.ToUniversalTime());
            clock.SetUtcNow(next); // the occurrence fires; the agent looks again strictly after it
        }

        return nights;
    }

    [Fact]
    public void The_schedule_is_a_daily_cron_in_Paris()
    {
        var schedule = JobSchedule.DailyInParis(new TimeOnly(1, 0));

        Assert.Equal("0 1 * * *", schedule.Expression);
        Assert.Equal("Europe/Paris", schedule.TimeZone.Id);
        Assert.Equal("30 15 2 * * *", JobSchedule.DailyInParis(new TimeOnly(2, 15, 30)).Expression);
    }

    [Fact]
    public void One_in_the_morning_stays_one_in_Paris_across_the_spring_change()
    {
        // 01:00 CET (00:00 UTC) on Sunday 29 March, then 01:00 CEST (23:00 UTC the day before) from Monday 30 March.
        Assert.Equal([Utc("2026-03-28T00:00:00Z"), Utc("2026-03-29T00:00:00Z"), Utc("2026-03-29T23:00:00Z"), Utc("2026-03-30T23:00:00Z")],
            Nights("01:00", "2026-03-27T12:00:00Z", 4));
    }

    [Fact]
    public void One_in_the_morning_stays_one_in_Paris_across_the_autumn_change()
    {
        // 01:00 CEST (23:00 UTC the day before) on Sunday 25 October, then 01:00 CET (00:00 UTC) from Monday 26: 25 hours apart.
        Assert.Equal([Utc("2026-10-23T23:00:00Z"), Utc("2026-10-24T23:00:00Z"), Utc("2026-10-26T00:00:00Z"), Utc("2026-10-27T00:00:00Z")],
            Nights("01:00", "2026-10-23T12:00:00Z", 4));
    }

    [Fact]
    public void A_time_skipped_in_spring_runs_when_the_clocks_jump()
    {
        // 02:30 does not exist on 29 March 2026 (02:00 CET → 03:00 CEST): that night runs at 03:00 CEST (01:00 UTC).
        Assert.Equal([Utc("2026-03-28T01:30:00Z"), Utc("2026-03-29T01:00:00Z"), Utc("2026-03-30T00:30:00Z")],
            Nights("02:30", "2026-03-27T12:00:00Z", 3));
    }

    [Fact]
    public void A_time_repeated_in_autumn_runs_once()
    {
        // 02:30 comes twice on 25 October 2026 (00:30 UTC in CEST, 01:30 UTC in CET): the run happens at the first only.
        Assert.Equal([Utc("2026-10-24T00:30:00Z"), Utc("2026-10-25T00:30:00Z"), Utc("2026-10-26T01:30:00Z")],
            Nights("02:30", "2026-10-23T12:00:00Z", 3));
    }

    [Theory]
    [InlineData(null, "01:00:00")]
    [InlineData("", "01:00:00")]
    [InlineData("01:00", "01:00:00")]
    [InlineData("1:30", "01:30:00")]
    [InlineData("23:59", "23:59:00")]
    [InlineData(" 04:15 ", "04:15:00")]
    [InlineData("12:00:25", "12:00:25")]
    public void Reads_the_transmission_time(string? value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [JobSchedule.TransmissionTimeKey] = value }).Build();

        Assert.Equal(TimeOnly.Parse(expected, CultureInfo.InvariantCulture), JobSchedule.FromConfiguration(configuration).TransmissionTime);
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("1h00")]
    [InlineData("01.00")]
    [InlineData("1 AM")]
    [InlineData("01:60")]
    public void Refuses_a_transmission_time_that_is_not_a_time_naming_the_key(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [JobSchedule.TransmissionTimeKey] = value }).Build();

        var refused = Assert.Throws<OptionsValidationException>(() => JobSchedule.FromConfiguration(configuration));
        Assert.Contains("Worker:TransmissionTime", refused.Message, StringComparison.Ordinal);
        Assert.Contains(value, refused.Message, StringComparison.Ordinal);
    }
}
