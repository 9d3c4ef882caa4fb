using PortailFamille.Dossier.Domain;

namespace PortailFamille.Dossier.Tests.Domain;

public sealed class CampaignCalendarTests
{
    [Fact]
    public void Before_june_the_coming_school_year_is_proposed_due_on_16_august()
    {
        var defaults = CampaignCalendar.DefaultsOn(new DateOnly(2025, 5, 31));

        Assert.Equal("2025-2026", defaults.SchoolYear);
        Assert.Equal(new DateOnly(2025, 8, 16), defaults.Deadline);
    }

    [Fact]
    public void From_june_the_following_school_year_is_proposed()
    {
        var defaults = CampaignCalendar.DefaultsOn(new DateOnly(2024, 6, 1));

        Assert.Equal("2025-2026", defaults.SchoolYear);
        Assert.Equal(new DateOnly(2025, 8, 16), defaults.Deadline);
    }
}
