using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

internal sealed class GetCurrentCampaignHandler(DossierDbContext db) : IQueryHandler<GetCurrentCampaign, CampaignView?>
{
    public async ValueTask<CampaignView?> Handle(GetCurrentCampaign query, CancellationToken cancellationToken) =>
        (await db.Campaigns.AsNoTracking().OrderByDescending(c => c.SchoolYear).FirstOrDefaultAsync(cancellationToken))?.ToView();
}
