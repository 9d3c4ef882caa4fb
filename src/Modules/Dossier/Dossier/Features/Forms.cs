using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

internal sealed class OpenDossierHandler(DossierDbContext db, ISender sender, TimeProvider clock) : ICommandHandler<OpenDossier, DossierView>
{
    public async ValueTask<DossierView> Handle(OpenDossier command, CancellationToken cancellationToken)
    {
        // The fiche « Responsable compte famille » starts from what the account already knows.
        var account = await sender.Send(new GetFamilyAccount(command.FamilyAccountId), cancellationToken);
        await db.EnsureFormsAsync(command.FamilyAccountId, () => account is null ? null : new Dictionary<string, string?>
        {
            ["lastName"] = account.HolderLastName,
            ["firstName"] = account.HolderFirstName,
            ["email"] = account.Emails.FirstOrDefault(),
        }, clock.GetUtcNow(), cancellationToken);
        return await db.ViewAsync(command.FamilyAccountId, cancellationToken);
    }
}

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

internal sealed class SaveFormHandler(DossierDbContext db, TimeProvider clock) : ICommandHandler<SaveForm, Result>
{
    public async ValueTask<Result> Handle(SaveForm command, CancellationToken cancellationToken)
    {
        var form = await db.FormsOf(command.FamilyAccountId).SingleOrDefaultAsync(f => f.Id == command.FormId, cancellationToken);
        if (form is null) return DossierErrors.FormNotFound;
        if (!form.IsEditable) return DossierErrors.FormLocked;
        var now = clock.GetUtcNow();

        if (form.Kind == FormKind.Contacts && form.ChildId is { } childId)
        {
            var applied = await ApplyContactsAsync(form.FamilyAccountId, childId, command.Values, now, cancellationToken);
            if (applied.IsFailure) return applied;
        }

        var result = command.Mode == SaveMode.Draft
            ? form.SaveDraft(command.Values, now)
            : form.Submit(command.Values, command.SwornStatement, command.SignerName, command.Actor, now);
        if (result.IsFailure) return result;

        if (form.Kind == FormKind.Insurance) await KnowInsurerAsync(command.Values, now, cancellationToken);
        if (form.Kind == FormKind.Health) await KnowDoctorAsync(command.Values, now, cancellationToken);

        var action = command.Mode == SaveMode.Draft ? FormAuditAction.SavedDraft : FormAuditAction.Submitted;
        db.FormAudit.Add(FormAuditEntry.Record(form, action, command.Actor, now, command.ByStaff ? "Saisie par le service Éducation pour la famille" : null));
        try
        {
            await db.SaveChangesAsync(cancellationToken); // fiche, contacts, new insurer or doctor and audit: one commit
        }
        catch (DbUpdateConcurrencyException)
        {
            return DossierErrors.ConcurrentChange;
        }

        return Result.Success();
    }

    private async Task KnowInsurerAsync(IReadOnlyDictionary<string, string?> values, DateTimeOffset now, CancellationToken ct)
    {
        var name = values.GetValueOrDefault("insurer")?.Trim();
        if (string.IsNullOrEmpty(name)) return;
        // Compared here, not in SQL: SQLite's lower() leaves accented capitals as they are.
        if (!(await db.Insurers.Select(i => i.Name).ToListAsync(ct)).Contains(name, StringComparer.OrdinalIgnoreCase))
            db.Insurers.Add(Insurer.Create(name, values.GetValueOrDefault("insurerAddress"), values.GetValueOrDefault("insurerPhone"), now));
    }

    private async Task KnowDoctorAsync(IReadOnlyDictionary<string, string?> values, DateTimeOffset now, CancellationToken ct)
    {
        var name = values.GetValueOrDefault("doctor")?.Trim();
        if (string.IsNullOrEmpty(name)) return;
        if (!(await db.Doctors.Select(d => d.Name).ToListAsync(ct)).Contains(name, StringComparer.OrdinalIgnoreCase))
            db.Doctors.Add(Doctor.Create(name, values.GetValueOrDefault("doctorPhone"), values.GetValueOrDefault("doctorCity"), now));
    }

    /// <summary>The guide's contacts: add an existing person or create one, set relationship, pick-up and emergency; remove from this child.</summary>
    private async Task<Result> ApplyContactsAsync(Guid familyAccountId, Guid childId, IReadOnlyDictionary<string, string?> values, DateTimeOffset now, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var links = await db.ChildContacts.Where(l => l.ChildId == childId).ToListAsync(ct);
        foreach (var link in links)
        {
            var prefix = $"contact.{link.ContactId}.";
            if (values.GetValueOrDefault(prefix + "remove") == FormDefinitions.Yes)
            {
                db.ChildContacts.Remove(link);
                continue;
            }

            if (values.ContainsKey(prefix + "relationship"))
                link.Update(values.GetValueOrDefault(prefix + "relationship"), values.GetValueOrDefault(prefix + "pickup") == FormDefinitions.Yes, values.GetValueOrDefault(prefix + "emergency") == FormDefinitions.Yes);
        }

        if (Guid.TryParse(values.GetValueOrDefault("add"), out var existingId) && links.All(l => l.ContactId != existingId))
        {
            if (!await db.Contacts.AnyAsync(c => c.Id == existingId && c.FamilyAccountId == familyAccountId, ct))
                errors["add"] = ["Ce contact ne fait pas partie de vos contacts."];
            else
                db.ChildContacts.Add(NewLink(childId, existingId, values, "add."));
        }

        string? New(string key) => values.GetValueOrDefault("new." + key)?.Trim() is { Length: > 0 } v ? v : null;
        if (New("firstName") is not null || New("lastName") is not null || New("phone") is not null)
        {
            if (New("firstName") is null) errors["new.firstName"] = ["Indiquez le prénom du nouveau contact."];
            if (New("lastName") is null) errors["new.lastName"] = ["Indiquez le nom du nouveau contact."];
            if (New("phone") is not { } phone || !System.Text.RegularExpressions.Regex.IsMatch(phone, @"^\+?[0-9][0-9 .\-]{8,18}[0-9]$"))
                errors["new.phone"] = ["Indiquez un numéro de téléphone valide pour le nouveau contact (exemple : 06 12 34 56 78)."];
            if (New("firstName") is { Length: > 100 } || New("lastName") is { Length: > 100 }) errors["new.lastName"] = ["Le nom et le prénom ne doivent pas dépasser 100 caractères."];
            if (errors.Count == 0)
            {
                var contact = Contact.Create(familyAccountId, New("firstName")!, New("lastName")!, New("phone")!, New("email"), now);
                db.Contacts.Add(contact);
                db.ChildContacts.Add(NewLink(childId, contact.Id, values, "new."));
            }
        }

        return errors.Count > 0 ? DossierErrors.Invalid(errors) : Result.Success();
    }

    private static ChildContact NewLink(Guid childId, Guid contactId, IReadOnlyDictionary<string, string?> values, string prefix)
    {
        var link = ChildContact.Link(childId, contactId);
        link.Update(values.GetValueOrDefault(prefix + "relationship"), values.GetValueOrDefault(prefix + "pickup") == FormDefinitions.Yes, values.GetValueOrDefault(prefix + "emergency") == FormDefinitions.Yes);
        return link;
    }
}

internal sealed class DeleteContactHandler(DossierDbContext db) : ICommandHandler<DeleteContact, Result>
{
    public async ValueTask<Result> Handle(DeleteContact command, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == command.ContactId && c.FamilyAccountId == command.FamilyAccountId, cancellationToken);
        if (contact is null) return Error.NotFound("dossier.contact_not_found", "Ce contact ne fait pas partie de vos contacts.");
        if (await db.ChildContacts.AnyAsync(l => l.ContactId == contact.Id, cancellationToken))
            return Error.Conflict("dossier.contact_in_use", $"{contact.FirstName} {contact.LastName} est encore lié à un enfant : retirez-le de la fiche contacts de chaque enfant, enregistrez, puis supprimez-le.");
        db.Contacts.Remove(contact);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
