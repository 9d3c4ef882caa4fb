using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

internal sealed class ExportDossierDataHandler(DossierDbContext db, IDocumentStore store) : IQueryHandler<ExportDossierData, DossierDataExport>
{
    public async ValueTask<DossierDataExport> Handle(ExportDossierData query, CancellationToken cancellationToken)
    {
        var family = query.FamilyAccountId;
        var childIds = await db.ChildIdsOfAsync(family, cancellationToken);
        var children = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id))
            .Select(c => new ChildView(c.Id, c.FamilyAccountId, c.FirstName, c.LastName, c.BirthDate, c.School, c.Grade)).ToListAsync(cancellationToken);
        var names = children.ToDictionary(c => c.Id, c => $"{c.FirstName} {c.LastName}");
        var forms = await db.FormsOf(family).AsNoTracking().ToListAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking().Where(d => db.FormsOf(family).Any(f => f.Id == d.FormId)).ToListAsync(cancellationToken);
        var exported = new List<ExportedDocument>();
        foreach (var d in documents)
        {
            if (await store.ReadAsync(d.StorageKey, cancellationToken) is { } bytes)
                exported.Add(new ExportedDocument(d.Id, d.FormId, d.Piece, d.Name, d.ContentType, bytes));
        }

        var quotients = (await db.Quotients.AsNoTracking().Where(q => q.FamilyAccountId == family).ToListAsync(cancellationToken)).Select(q => q.ToView()).ToList();
        return new DossierDataExport(
            children,
            forms.Select(f => new ExportedForm(f.Id, f.Kind, f.Status, f.ChildId is { } c ? names.GetValueOrDefault(c) : null, f.Values, f.SignerName, f.SubmittedAt, f.RejectionReason, f.ReviewedAt)).ToList(),
            await GetFormHandler.ContactsOfAsync(db, family, cancellationToken),
            quotients,
            exported);
    }
}
