using Microsoft.Extensions.Time.Testing;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Features;

namespace PortailFamille.Dossier.Tests.Features;

public sealed class GetCampaignDefaultsTests
{
    [Fact]
    public async Task Counts_the_day_in_paris_time()
    {
        // 31 May 22:30 UTC is already 1 June in Paris (UTC+2): the following school year is proposed.
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 5, 31, 22, 30, 0, TimeSpan.Zero));

        var defaults = await new GetCampaignDefaultsHandler(clock).Handle(new GetCampaignDefaults(), CancellationToken.None);

        Assert.Equal(new CampaignDefaults("2026-2027", new DateOnly(2026, 8, 16)), defaults);
    }
}
