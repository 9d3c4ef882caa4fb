using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

internal sealed class ListFormsForReviewHandler(DossierDbContext db) : IQueryHandler<ListFormsForReview, FormQueuePage>
{
    public async ValueTask<FormQueuePage> Handle(ListFormsForReview query, CancellationToken cancellationToken)
    {
        var forms = db.Forms.AsNoTracking().Where(f => f.Status == (query.Status ?? FormStatus.Submitted));
        if (query.FamilyAccountId is { } family) forms = forms.Where(f => f.FamilyAccountId == family);
        if (!string.IsNullOrWhiteSpace(query.ChildName))
        {
            var name = query.ChildName.Trim().ToLower();
            forms = forms.Where(f => f.ChildId != null && db.Children.Any(c => c.Id == f.ChildId && (c.FirstName.ToLower().Contains(name) || c.LastName.ToLower().Contains(name))));
        }

        var total = await forms.CountAsync(cancellationToken);
        // Oldest transmission first: the queue is worked in order.
        var lines = await forms.OrderBy(f => f.UpdatedAt).Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 200))
            .Select(f => new
            {
                f.Id, f.FamilyAccountId, f.Kind, f.Status, f.SubmittedAt,
                Child = db.Children.Where(c => c.Id == f.ChildId).Select(c => c.FirstName + " " + c.LastName).FirstOrDefault(),
                Documents = db.Documents.Count(d => d.FormId == f.Id),
            })
            .ToListAsync(cancellationToken);
        return new FormQueuePage(lines.Select(l => new FormQueueLine(l.Id, l.FamilyAccountId, l.Kind, l.Status, l.Child, l.SubmittedAt, l.Documents)).ToList(), total);
    }
}
