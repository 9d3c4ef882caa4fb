using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

internal sealed class GetDocumentContentHandler(DossierDbContext db, IDocumentStore store) : IQueryHandler<GetDocumentContent, Result<DocumentContent>>
{
    public async ValueTask<Result<DocumentContent>> Handle(GetDocumentContent query, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking()
            .Where(d => d.Id == query.DocumentId && db.FormsFor(query.FamilyAccountId).Any(f => f.Id == d.FormId))
            .SingleOrDefaultAsync(cancellationToken);
        if (document is null) return DossierErrors.DocumentNotFound;
        var content = await store.ReadAsync(document.StorageKey, cancellationToken);
        if (content is null) return DossierErrors.DocumentNotFound;
        return new DocumentContent(document.Name, document.ContentType, content);
    }
}
