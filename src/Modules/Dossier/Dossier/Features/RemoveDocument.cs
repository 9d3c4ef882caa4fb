using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

internal sealed class RemoveDocumentHandler(DossierDbContext db, IDocumentStore store, TimeProvider clock) : ICommandHandler<RemoveDocument, Result>
{
    public async ValueTask<Result> Handle(RemoveDocument command, CancellationToken cancellationToken)
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == command.DocumentId, cancellationToken);
        var form = document is null ? null : await db.FormsFor(command.FamilyAccountId).SingleOrDefaultAsync(f => f.Id == document.FormId, cancellationToken);
        if (document is null || form is null) return DossierErrors.DocumentNotFound;
        if (!form.IsEditable) return DossierErrors.FormLocked;

        var now = clock.GetUtcNow();
        db.Documents.Remove(document);
        db.FormAudit.Add(FormAuditEntry.Record(form, FormAuditAction.DocumentRemoved, command.Actor, now, $"{document.Piece} : {document.Name}"));
        form.ChangeDocuments(now).ThrowIfFailure(); // editable: checked above
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DossierErrors.ConcurrentChange; // removed twice at once (a double click), or the fiche changed meanwhile
        }

        await store.DeleteAsync(document.StorageKey, cancellationToken); // after the commit: at worst an orphan file, never a row without its file
        return Result.Success();
    }
}
