using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

internal sealed class GetFormHandler(DossierDbContext db) : IQueryHandler<GetForm, Result<FormView>>
{
    public async ValueTask<Result<FormView>> Handle(GetForm query, CancellationToken cancellationToken)
    {
        var form = await db.FormsFor(query.FamilyAccountId).AsNoTracking().SingleOrDefaultAsync(f => f.Id == query.FormId, cancellationToken);
        if (form is null) return DossierErrors.FormNotFound;

        var child = form.ChildId is { } childId ? await db.Children.AsNoTracking().SingleOrDefaultAsync(c => c.Id == childId, cancellationToken) : null;
        IReadOnlyList<ChildContactView> links = [];
        IReadOnlyList<ContactView> contacts = [];
        if (form.Kind == FormKind.Contacts && form.ChildId is { } id)
        {
            links = await db.ChildContacts.AsNoTracking().Where(l => l.ChildId == id)
                .Join(db.Contacts, l => l.ContactId, c => c.Id, (l, c) => new ChildContactView(c.Id, c.FirstName, c.LastName, c.Phone, l.Relationship, l.MayPickUp, l.EmergencyCall))
                .ToListAsync(cancellationToken);
            contacts = await ContactsOfAsync(db, form.FamilyAccountId, cancellationToken);
        }

        IReadOnlyList<string> suggestions = form.Kind switch
        {
            FormKind.Insurance => await db.Insurers.AsNoTracking().OrderBy(i => i.Name).Select(i => i.Name).Take(500).ToListAsync(cancellationToken),
            FormKind.Health => await db.Doctors.AsNoTracking().OrderBy(d => d.Name).Select(d => d.Name).Take(500).ToListAsync(cancellationToken),
            _ => [],
        };
        var documents = await db.Documents.AsNoTracking().Where(d => d.FormId == form.Id).OrderBy(d => d.UploadedAt).ToListAsync(cancellationToken);
        var audit = await db.FormAudit.AsNoTracking().Where(a => a.FormId == form.Id).OrderBy(a => a.At)
            .Select(a => new FormAuditView(a.At, a.Actor, a.Action, a.Detail)).ToListAsync(cancellationToken);

        return new FormView(form.Id, form.FamilyAccountId, form.Kind, form.Status, form.ChildId, child is null ? null : $"{child.FirstName} {child.LastName}",
            FormDefinitions.Fields(form.Kind).Select(f => f.ToView()).ToList(), form.Values, links, contacts, suggestions,
            FormDefinitions.Pieces(form.Kind), documents.Select(d => d.ToView()).ToList(),
            form.SignerName, form.SubmittedAt, form.SubmittedBy, form.RejectionReason, form.ReviewedBy, form.ReviewedAt, audit);
    }

    public static async Task<IReadOnlyList<ContactView>> ContactsOfAsync(DossierDbContext db, Guid familyAccountId, CancellationToken ct) =>
        await db.Contacts.AsNoTracking().Where(c => c.FamilyAccountId == familyAccountId).OrderBy(c => c.LastName).ThenBy(c => c.FirstName)
            .Select(c => new ContactView(c.Id, c.FirstName, c.LastName, c.Phone, c.Email, db.ChildContacts.Count(l => l.ContactId == c.Id)))
            .ToListAsync(ct);
}
