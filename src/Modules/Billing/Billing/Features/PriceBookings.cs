using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;
using PortailFamille.Billing.Persistence;

namespace PortailFamille.Billing.Features;

internal sealed class PriceBookingsHandler(BillingDbContext db, IFamilyQuotientSource quotients, ILogger<PriceBookingsHandler> logger)
    : IQueryHandler<PriceBookings, IReadOnlyList<BookingPrice>>
{
    public async ValueTask<IReadOnlyList<BookingPrice>> Handle(PriceBookings query, CancellationToken cancellationToken)
    {
        if (query.Lines.Count == 0) return [];

        var structureIds = query.Lines.Select(l => l.StructureId).Distinct().ToList();
        var activityCodes = query.Lines.Select(l => l.ActivityCode).Distinct().ToList();
        // One query for every (structure, activity) pair; rows of crossed pairs are dropped by the lookup.
        var tariffs = await db.Tariffs.AsNoTracking()
            .Where(t => structureIds.Contains(t.StructureId) && activityCodes.Contains(t.ActivityCode))
            .ToListAsync(cancellationToken);
        var tables = tariffs.ToLookup(t => (t.StructureId, t.ActivityCode));

        // A quotient holds from 1 January to 31 December (guide nouveaux élèves 2024): one lookup per year, not per line.
        var quotientByYear = new Dictionary<int, decimal?>();
        foreach (var year in query.Lines.GroupBy(l => l.Day.Year))
        {
            quotientByYear[year.Key] = await quotients.GetQuotientAsync(query.FamilyAccountId, year.Min(l => l.Day), cancellationToken);
        }

        var undefined = new HashSet<(Guid, string)>();
        var prices = new List<BookingPrice>(query.Lines.Count);
        foreach (var line in query.Lines)
        {
            var applied = TariffBrackets.Choose(tables[(line.StructureId, line.ActivityCode)], quotientByYear[line.Day.Year]);
            if (applied.Tariff is null && undefined.Add((line.StructureId, line.ActivityCode)))
            {
                logger.LogWarning("No tariff for activity {ActivityCode} of structure {StructureId}: priced 0", line.ActivityCode, line.StructureId);
            }
            prices.Add(new BookingPrice(line.LineId, applied.UnitPrice, applied.Bracket));
        }
        return prices;
    }
}
