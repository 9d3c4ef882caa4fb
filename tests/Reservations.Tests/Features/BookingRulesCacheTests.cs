using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using PortailFamille.Reservations.Domain;
using PortailFamille.Reservations.Features;

namespace PortailFamille.Reservations.Tests.Features;

public sealed class BookingRulesCacheTests
{
    private static readonly Guid Structure = Guid.Parse("0193c2a0-0000-7000-8000-000000000001");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
    private readonly BookingRules _rules = new([], [], []);

    private BookingRulesCache Cache(string? seconds = null) =>
        new(_clock, Microsoft.Extensions.Options.Options.Create(seconds is null
            ? new ReservationsOptions()
            : new ReservationsOptions { RulesCacheSeconds = double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture) }));

    [Fact]
    public void Rules_are_kept_five_seconds_by_default_then_loaded_again()
    {
        var cache = Cache();
        cache.Store([Structure], _rules, cache.Version);

        _clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.True(cache.TryGet([Structure], out var kept));
        Assert.Same(_rules, kept);
        Assert.False(cache.TryGet([Guid.NewGuid()], out _));

        _clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.False(cache.TryGet([Structure], out _));
    }

    [Fact]
    public void A_saved_change_empties_the_cache_and_rules_loaded_meanwhile_are_not_kept()
    {
        var cache = Cache();
        cache.Store([Structure], _rules, cache.Version);
        cache.Invalidate();
        Assert.False(cache.TryGet([Structure], out _));

        // A request began loading before a closure was saved, and finishes after: what it read may miss the closure.
        var before = cache.Version;
        cache.Invalidate();
        cache.Store([Structure], _rules, before);
        Assert.False(cache.TryGet([Structure], out _));
    }

    [Fact]
    public void Zero_seconds_turns_the_cache_off()
    {
        var cache = Cache("0");
        cache.Store([Structure], _rules, cache.Version);
        Assert.False(cache.TryGet([Structure], out _));
    }
}
