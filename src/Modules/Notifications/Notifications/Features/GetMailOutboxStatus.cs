using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Notifications.Contracts;
using PortailFamille.Notifications.Domain;
using PortailFamille.Notifications.Persistence;

namespace PortailFamille.Notifications.Features;

internal sealed class GetMailOutboxStatusHandler(NotificationsDbContext db) : IQueryHandler<GetMailOutboxStatus, MailOutboxStatus>
{
    public async ValueTask<MailOutboxStatus> Handle(GetMailOutboxStatus query, CancellationToken cancellationToken)
    {
        var counts = await db.OutgoingMails.AsNoTracking()
            .GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);

        var troubles = await db.OutgoingMails.AsNoTracking()
            .Where(m => m.Status == OutgoingMailStatus.Abandoned || (m.Status == OutgoingMailStatus.Pending && m.LastError != null))
            .OrderByDescending(m => m.QueuedAt)
            .Take(Math.Clamp(query.Take, 1, 200))
            .Select(m => new MailInTrouble(m.Subject, m.Recipients, m.Status == OutgoingMailStatus.Abandoned, m.Attempts, m.QueuedAt, m.NextAttemptAt, m.LastError ?? ""))
            .ToListAsync(cancellationToken);

        return new MailOutboxStatus(
            counts.GetValueOrDefault(OutgoingMailStatus.Pending),
            counts.GetValueOrDefault(OutgoingMailStatus.Sent),
            counts.GetValueOrDefault(OutgoingMailStatus.Abandoned),
            troubles);
    }
}
