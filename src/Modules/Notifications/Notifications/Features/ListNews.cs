using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Notifications.Contracts;
using PortailFamille.Notifications.Persistence;

namespace PortailFamille.Notifications.Features;

internal sealed class ListNewsHandler(NotificationsDbContext db) : IQueryHandler<ListNews, IReadOnlyList<NewsItemView>>
{
    public async ValueTask<IReadOnlyList<NewsItemView>> Handle(ListNews query, CancellationToken cancellationToken)
    {
        var take = Math.Clamp(query.Take, 1, 100);
        var news = await db.News
            .Where(n => n.StructureId == query.StructureId)
            .OrderByDescending(n => n.PublishedAt)
            .Take(take)
            .Select(n => new NewsItemView(
                n.Id, n.StructureId, n.Title, n.Body, n.PublishedAt, n.PublishedBy,
                db.WorkerJournal
                    .Where(j => j.EventType == nameof(NewsPublished) && j.SubjectId == n.Id)
                    .Select(j => (DateTimeOffset?)j.ProcessedAt)
                    .FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return news;
    }
}
