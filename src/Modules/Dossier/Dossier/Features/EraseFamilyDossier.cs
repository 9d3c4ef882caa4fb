using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

internal sealed record RetentionOptions(int Months);

/// <summary>
/// RGPD erasure once the retention period has passed since the family's last change: its fiches, documents
/// (rows and files), contacts, quotients, and the children no other account holds. One commit, files after it.
/// </summary>
internal sealed class EraseFamilyDossierHandler(Wolverine.EntityFrameworkCore.IDbContextOutbox<DossierDbContext> outbox, IDocumentStore store, RetentionOptions retention, TimeProvider clock,
    Microsoft.Extensions.Logging.ILogger<EraseFamilyDossierHandler> logger)
    : ICommandHandler<EraseFamilyDossier, Result<ErasureReport>>
{
    public async ValueTask<Result<ErasureReport>> Handle(EraseFamilyDossier command, CancellationToken cancellationToken)
    {
        var db = outbox.DbContext;
        var family = command.FamilyAccountId;
        var forms = await db.Forms.Where(f => f.FamilyAccountId == family).ToListAsync(cancellationToken);
        var lastChange = forms.Count == 0 ? (DateTimeOffset?)null : forms.Max(f => f.UpdatedAt);
        var now = clock.GetUtcNow();
        if (lastChange is { } last && last > now.AddMonths(-retention.Months))
            return Error.Conflict("dossier.retention_not_over",
                $"Le dossier a changé le {last.ToOffset(TimeSpan.Zero):dd/MM/yyyy} : il ne peut être effacé qu'après {retention.Months} mois sans activité.");

        var childIds = await db.ChildIdsOfAsync(family, cancellationToken);
        var sharedChildren = await db.Guardians.Where(g => childIds.Contains(g.ChildId) && g.FamilyAccountId != family).Select(g => g.ChildId).Distinct().ToListAsync(cancellationToken);
        var ownChildren = childIds.Except(sharedChildren).ToList();
        // Child fiches of children only this family holds go with them, whoever opened them.
        forms.AddRange(await db.Forms.Where(f => f.FamilyAccountId != family && f.ChildId != null && ownChildren.Contains(f.ChildId.Value)).ToListAsync(cancellationToken));
        var formIds = forms.Select(f => f.Id).ToList();
        var documents = await db.Documents.Where(d => formIds.Contains(d.FormId)).ToListAsync(cancellationToken);

        db.Documents.RemoveRange(documents);
        db.FormAudit.RemoveRange(await db.FormAudit.Where(a => formIds.Contains(a.FormId)).ToListAsync(cancellationToken));
        db.Forms.RemoveRange(forms);
        db.ChildContacts.RemoveRange(await db.ChildContacts.Where(l => ownChildren.Contains(l.ChildId)
            || db.Contacts.Any(c => c.Id == l.ContactId && c.FamilyAccountId == family)).ToListAsync(cancellationToken));
        db.Contacts.RemoveRange(await db.Contacts.Where(c => c.FamilyAccountId == family).ToListAsync(cancellationToken));
        db.Quotients.RemoveRange(await db.Quotients.Where(q => q.FamilyAccountId == family).ToListAsync(cancellationToken));
        db.Guardians.RemoveRange(await db.Guardians.Where(g => g.FamilyAccountId == family).ToListAsync(cancellationToken));
        db.InternalRulesSignatures.RemoveRange(await db.InternalRulesSignatures.Where(s => ownChildren.Contains(s.ChildId)).ToListAsync(cancellationToken));
        db.Health.RemoveRange(await db.Health.Where(h => ownChildren.Contains(h.ChildId)).ToListAsync(cancellationToken));
        db.Children.RemoveRange(await db.Children.Where(c => ownChildren.Contains(c.Id)).ToListAsync(cancellationToken));
        // The account (Accounts module) is anonymised by the Worker from this event, committed with the erasure.
        await outbox.PublishAsync(new FamilyDossierErased(family, command.StaffName, now));
        await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);

        foreach (var document in documents) await store.DeleteAsync(document.StorageKey, CancellationToken.None);
        // The erased data is gone; who erased what, and when, stays in the log.
        Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, "Dossier of family {FamilyAccountId} erased by {StaffName}: {Forms} fiches, {Documents} documents, {Children} children",
            family, command.StaffName, forms.Count, documents.Count, ownChildren.Count);
        return new ErasureReport(forms.Count, documents.Count, ownChildren.Count);
    }
}
