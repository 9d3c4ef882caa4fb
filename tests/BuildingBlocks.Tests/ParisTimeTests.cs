using Microsoft.Extensions.Time.Testing;
using PortailFamille.BuildingBlocks.Time;

namespace PortailFamille.BuildingBlocks.Tests;

public sealed class ParisTimeTests
{
    [Theory]
    // 22:30 UTC on 31 Aug 2024 is already Sunday 1 Sep in Paris (UTC+2, summer time).
    [InlineData("2024-08-31T22:30:00Z", "2024-09-01")]
    [InlineData("2024-08-31T21:59:59Z", "2024-08-31")]
    // Winter time (UTC+1): 23:00 UTC on 31 Dec 2024 is 1 Jan 2025 in Paris.
    [InlineData("2024-12-31T23:00:00Z", "2025-01-01")]
    [InlineData("2024-12-31T22:59:59Z", "2024-12-31")]
    // DST ends on 27 Oct 2024 at 03:00 Paris time (01:00 UTC): still the 27th either side.
    [InlineData("2024-10-27T00:59:59Z", "2024-10-27")]
    [InlineData("2024-10-27T01:00:00Z", "2024-10-27")]
    public void Today_is_the_day_in_Paris(string utc, string expectedDay)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expectedDay, System.Globalization.CultureInfo.InvariantCulture), clock.TodayInParis());
    }

    [Fact]
    public void Paris_offset_follows_daylight_saving()
    {
        Assert.Equal(TimeSpan.FromHours(2), new DateTimeOffset(2024, 7, 1, 12, 0, 0, TimeSpan.Zero).ToParis().Offset);
        Assert.Equal(TimeSpan.FromHours(1), new DateTimeOffset(2024, 12, 1, 12, 0, 0, TimeSpan.Zero).ToParis().Offset);
    }
}
