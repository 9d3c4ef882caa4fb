using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

internal sealed class UploadDocumentsHandler(DossierDbContext db, IDocumentStore store, TimeProvider clock) : ICommandHandler<UploadDocuments, Result<UploadOutcome>>
{
    public async ValueTask<Result<UploadOutcome>> Handle(UploadDocuments command, CancellationToken cancellationToken)
    {
        var form = await db.FormsFor(command.FamilyAccountId).SingleOrDefaultAsync(f => f.Id == command.FormId, cancellationToken);
        if (form is null) return DossierErrors.FormNotFound;
        if (!form.IsEditable) return DossierErrors.FormLocked;
        if (!FormDefinitions.Pieces(form.Kind).Contains(command.Piece))
            return Error.Validation("dossier.piece_not_requested", "Cette pièce n'est pas demandée pour cette fiche.");
        if (command.Files.Count == 0)
            return UploadRefusals.NoFile;

        var now = clock.GetUtcNow();
        var stored = await db.Documents.CountAsync(d => d.FormId == form.Id && d.Piece == command.Piece, cancellationToken);
        var accepted = new List<(SupportingDocument Document, UploadedFile File)>();
        var refused = new List<RefusedFile>();
        foreach (var file in command.Files)
        {
            var name = DocumentRules.SafeName(file.FileName);
            var refusal = DocumentRules.Check(name, file.Length, file.Content, stored + accepted.Count, out var format);
            if (refusal is { } r)
            {
                refused.Add(new RefusedFile(name, r.Code, r.Message));
                continue;
            }

            accepted.Add((SupportingDocument.Add(form, command.Piece, name, format!, file.Length, now), file));
        }

        if (accepted.Count == 0) return new UploadOutcome([], refused);

        // Files first, then the rows in one commit; a failed commit removes the files it wrote.
        var written = new List<string>();
        try
        {
            foreach (var (document, file) in accepted)
            {
                await store.SaveAsync(document.StorageKey, file.Content, cancellationToken);
                written.Add(document.StorageKey);
            }

            foreach (var (document, _) in accepted)
            {
                db.Documents.Add(document);
                db.FormAudit.Add(FormAuditEntry.Record(form, FormAuditAction.DocumentAdded, command.Actor, now, $"{document.Piece} : {document.FileName}"));
            }

            form.ChangeDocuments(now).ThrowIfFailure(); // editable: checked above
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another upload (or save) of this fiche committed first: the fiche's concurrency token refuses this one,
            // so the limit of files per piece holds whatever the concurrency. Nothing of this upload is kept.
            foreach (var key in written) await store.DeleteAsync(key, CancellationToken.None);
            return DossierErrors.ConcurrentUpload;
        }
        catch
        {
            foreach (var key in written) await store.DeleteAsync(key, CancellationToken.None);
            throw;
        }

        return new UploadOutcome(accepted.Select(a => a.Document.ToView()).ToList(), refused);
    }
}
