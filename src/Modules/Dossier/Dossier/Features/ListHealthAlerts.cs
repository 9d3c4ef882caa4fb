using Mediator;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;

namespace PortailFamille.Dossier.Features;

internal sealed class ListHealthAlertsHandler(ISender sender) : IQueryHandler<ListHealthAlerts, IReadOnlyList<HealthDetails>>
{
    public async ValueTask<IReadOnlyList<HealthDetails>> Handle(ListHealthAlerts query, CancellationToken cancellationToken)
    {
        var details = await sender.Send(new GetHealthDetails(query.ChildIds), cancellationToken);
        return details.Where(HealthAlerts.Concerns).ToList();
    }
}
