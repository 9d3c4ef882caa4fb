using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Reservations.Domain;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Reservations.Features;

/// <summary>What booking decisions need, loaded once per request: the family's children (Dossier contract) and a structure's calendar.</summary>
internal sealed class ReservationData(ReservationsDbContext db, ISender sender, BookingRulesCache cache)
{
    public async Task<IReadOnlyList<ChildView>> ChildrenAsync(Guid familyAccountId, CancellationToken ct) =>
        await sender.Send(new ListChildren(familyAccountId), ct);

    /// <summary>Periods, closures and holidays of the structures: three queries, kept a few seconds (<see cref="BookingRulesCache"/>).</summary>
    public async Task<BookingRules> RulesAsync(IEnumerable<Guid> structureIds, CancellationToken ct)
    {
        var ids = structureIds.Distinct().Order().ToList();
        if (cache.TryGet(ids, out var cached)) return cached;
        var version = cache.Version;
        var periods = await db.BookingPeriods.AsNoTracking().Where(p => ids.Contains(p.StructureId)).ToListAsync(ct);
        var closures = await db.Closures.AsNoTracking().Where(c => ids.Contains(c.StructureId)).ToListAsync(ct);
        var holidays = await db.SchoolHolidays.AsNoTracking().ToListAsync(ct);
        var rules = new BookingRules(periods, closures, holidays);
        cache.Store(ids, rules, version);
        return rules;
    }
}
