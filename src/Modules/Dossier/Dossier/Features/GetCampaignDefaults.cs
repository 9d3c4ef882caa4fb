using Mediator;
using PortailFamille.BuildingBlocks.Time;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;

namespace PortailFamille.Dossier.Features;

internal sealed class GetCampaignDefaultsHandler(TimeProvider clock) : IQueryHandler<GetCampaignDefaults, CampaignDefaults>
{
    public ValueTask<CampaignDefaults> Handle(GetCampaignDefaults query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(CampaignCalendar.DefaultsOn(clock.TodayInParis()));
}
