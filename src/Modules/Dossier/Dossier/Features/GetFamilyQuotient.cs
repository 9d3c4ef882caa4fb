using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

internal sealed class GetFamilyQuotientHandler(DossierDbContext db) : IQueryHandler<GetFamilyQuotient, decimal?>
{
    public async ValueTask<decimal?> Handle(GetFamilyQuotient query, CancellationToken cancellationToken) =>
        await db.Quotients.AsNoTracking()
            .Where(q => q.FamilyAccountId == query.FamilyAccountId && q.Year == query.Day.Year)
            .Select(q => (decimal?)q.Quotient)
            .FirstOrDefaultAsync(cancellationToken);
}
