using PortailFamille.Reservations.Domain;

namespace PortailFamille.Reservations.Features;

/// <summary>
/// The booking rules of a set of structures, kept Reservations:RulesCacheSeconds (5 s by default; 0 turns it off).
/// Every calendar, cart change and confirmation needs them, and they change a few times a year: at an opening the
/// three queries were a sixth of the database round trips of a parent's visit. A period or closure saved through
/// this process empties the cache at once; another Host sees it within those seconds. The rules are read-only
/// once built, so requests share them.
/// </summary>
internal sealed class BookingRulesCache(TimeProvider clock, Microsoft.Extensions.Options.IOptions<ReservationsOptions> options)
{
    private readonly TimeSpan _keep = TimeSpan.FromSeconds(options.Value.RulesCacheSeconds);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTimeOffset Until, BookingRules Rules)> _entries = new();
    private long _version;

    /// <summary>Read before loading: rules loaded while a change was saved are not kept.</summary>
    public long Version => Interlocked.Read(ref _version);

    public bool TryGet(IReadOnlyList<Guid> structureIds, out BookingRules rules)
    {
        rules = null!;
        if (_keep <= TimeSpan.Zero || !_entries.TryGetValue(Key(structureIds), out var entry) || entry.Until <= clock.GetUtcNow()) return false;
        rules = entry.Rules;
        return true;
    }

    public void Store(IReadOnlyList<Guid> structureIds, BookingRules rules, long version)
    {
        if (_keep <= TimeSpan.Zero || version != Version) return;
        _entries[Key(structureIds)] = (clock.GetUtcNow() + _keep, rules);
    }

    /// <summary>After a period, closure or holiday is saved.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _entries.Clear();
    }

    private static string Key(IReadOnlyList<Guid> ids) => string.Join(',', ids);
}
