using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Time;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

internal sealed class ListInternalRulesStatusHandler(DossierDbContext db, TimeProvider clock) : IQueryHandler<ListInternalRulesStatus, IReadOnlyList<ChildRulesStatus>>
{
    public async ValueTask<IReadOnlyList<ChildRulesStatus>> Handle(ListInternalRulesStatus query, CancellationToken cancellationToken)
    {
        var year = SchoolYear.Of(clock.TodayInParis());
        return await db.ChildrenOf(query.FamilyAccountId).AsNoTracking()
            .OrderBy(c => c.BirthDate)
            .Select(c => new
            {
                c.Id,
                c.FirstName,
                c.LastName,
                Signature = db.InternalRulesSignatures.Where(s => s.ChildId == c.Id && s.SchoolYear == year).FirstOrDefault(),
            })
            .Select(x => new ChildRulesStatus(x.Id, x.FirstName, x.LastName, year,
                x.Signature == null ? null : x.Signature.SignedAt,
                x.Signature == null ? null : x.Signature.SignerName,
                x.Signature == null ? null : x.Signature.Place))
            .ToListAsync(cancellationToken);
    }
}
