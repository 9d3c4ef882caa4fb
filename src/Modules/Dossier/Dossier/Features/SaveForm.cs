using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

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
