using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

internal sealed class ListFamilyQuotientsHandler(DossierDbContext db) : IQueryHandler<ListFamilyQuotients, IReadOnlyList<FamilyQuotientView>>
{
    public async ValueTask<IReadOnlyList<FamilyQuotientView>> Handle(ListFamilyQuotients query, CancellationToken cancellationToken) =>
        (await db.Quotients.AsNoTracking().Where(q => q.FamilyAccountId == query.FamilyAccountId).OrderByDescending(q => q.Year).ToListAsync(cancellationToken))
            .Select(q => q.ToView()).ToList();
}
