using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Notifications.Contracts;
using PortailFamille.Notifications.Persistence;

namespace PortailFamille.Notifications.Features;

internal sealed class GetLastDataUpdateHandler(NotificationsDbContext db) : IQueryHandler<GetLastDataUpdate, DateTimeOffset?>
{
    public async ValueTask<DateTimeOffset?> Handle(GetLastDataUpdate query, CancellationToken cancellationToken) =>
        await db.WorkerJournal
            .OrderByDescending(j => j.Id)
            .Select(j => (DateTimeOffset?)j.ProcessedAt)
            .FirstOrDefaultAsync(cancellationToken);
}
