using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Demo;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;

namespace PortailFamille.Dossier.Persistence;

/// <summary>
/// The demo's Dossier Famille: the current school year's campaign (deadline 16 August) with every family's
/// fiches validated, so every demo family may book (the scenarios and browser tests book with most of them),
/// except family 25 (FONTAINE Cédric), untouched by the tests: its fiches are « à mettre à jour » (booking refused
/// until they are validated again) but its « Responsable compte famille », transmitted, waits in the staff
/// queue; it also has a quotient familial.
/// </summary>
internal static class DossierDemo
{
    public const int FamilyToUpdate = 25;
    public const string Agent = "Claire MARTIN";

    private static readonly string[] InsurerNames = ["MAIF", "MACIF", "MAAF", "AXA", "Groupama", "MMA", "Allianz", "Crédit Agricole Assurances"];
    private static readonly (string Name, string Phone, string City)[] DoctorList =
    [
        ("Dr Anne LAMBERT", "05 56 78 12 34", "Cestas"),
        ("Dr Pierre MOREAU", "05 56 78 45 67", "Cestas"),
        ("Dr Lucie BARON", "05 56 36 22 10", "Canéjan"),
        ("Dr Marc LAFFITTE", "05 56 21 98 76", "Pessac"),
    ];

    public static async Task SeedAsync(DossierDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var schoolYear = SchoolYear.Of(today);
        var firstYear = int.Parse(schoolYear[..4], System.Globalization.CultureInfo.InvariantCulture);
        db.Campaigns.Add(Campaign.Open(schoolYear, new DateOnly(firstYear, 8, 16), Agent, now));
        foreach (var name in InsurerNames) db.Insurers.Add(Insurer.Create(name, null, null, now));
        foreach (var (name, phone, city) in DoctorList) db.Doctors.Add(Doctor.Create(name, phone, city, now));

        var health = await db.Health.AsNoTracking().ToDictionaryAsync(h => h.ChildId, ct);
        foreach (var family in DemoCatalog.Families)
        {
            var signer = $"{family.HolderFirstName} {family.LastName}";
            var forms = new List<Form>
            {
                Form.Create(family.Id, null, FormKind.AccountHolder, now, Holder(family.Number, family.LastName, family.HolderFirstName, family.Email)),
                Form.Create(family.Id, null, FormKind.OtherGuardian, now, family.Number == DemoCatalog.OtherParent.FamilyNumber
                    ? new Dictionary<string, string?> { ["hasOther"] = FormDefinitions.Yes, ["lastName"] = DemoCatalog.OtherParent.LastName, ["firstName"] = DemoCatalog.OtherParent.FirstName, ["relationship"] = "Mère", ["mobilePhone"] = "06 22 33 44 55", ["email"] = DemoCatalog.OtherParent.Email }
                    : new Dictionary<string, string?> { ["hasOther"] = FormDefinitions.No }),
            };
            foreach (var child in family.Children)
            {
                var flags = health.GetValueOrDefault(child.Id);
                forms.Add(Form.Create(family.Id, child.Id, FormKind.Insurance, now, new Dictionary<string, string?>
                {
                    ["insurer"] = InsurerNames[family.Number % InsurerNames.Length],
                    ["contractNumber"] = $"{family.Number:000}{child.FirstName.Length:00}-2025",
                    ["expiryDate"] = $"{firstYear + 1}-08-31",
                }));
                forms.Add(Form.Create(family.Id, child.Id, FormKind.ParentalConsents, now));
                forms.Add(Form.Create(family.Id, child.Id, FormKind.Contacts, now));
                forms.Add(Form.Create(family.Id, child.Id, FormKind.Health, now, new Dictionary<string, string?>
                {
                    ["vaccinesUpToDate"] = FormDefinitions.Yes,
                    ["pai"] = flags?.HasPai == true ? FormDefinitions.Yes : FormDefinitions.No,
                    ["allergies"] = flags?.Allergies,
                    ["dietaryNeeds"] = flags?.DietaryNeeds,
                    ["doctor"] = DoctorList[family.Number % DoctorList.Length].Name,
                }));
                forms.Add(Form.Create(family.Id, child.Id, FormKind.InternalRules, now, new Dictionary<string, string?> { ["acknowledged"] = FormDefinitions.Yes }));
            }

            foreach (var form in forms)
            {
                form.Submit(form.Values, swornStatement: true, signer, signer, now).ThrowIfFailure();
                db.FormAudit.Add(FormAuditEntry.Record(form, FormAuditAction.Submitted, signer, now));
                if (family.Number == FamilyToUpdate && form.Kind == FormKind.AccountHolder) continue;
                form.Validate(Agent, now).ThrowIfFailure();
                db.FormAudit.Add(FormAuditEntry.Record(form, FormAuditAction.Validated, Agent, now));
                if (family.Number == FamilyToUpdate)
                {
                    form.MarkToUpdate(now).ThrowIfFailure();
                    db.FormAudit.Add(FormAuditEntry.Record(form, FormAuditAction.MarkedToUpdate, Agent, now, $"Campagne {schoolYear}"));
                }
            }

            db.Forms.AddRange(forms);
        }

        // The other parent of family 1 has the account fiches of her own (the children's are shared).
        var other = DemoCatalog.OtherParent;
        foreach (var kind in Form.AccountKinds)
        {
            var form = Form.Create(other.Id, null, kind, now, kind == FormKind.AccountHolder
                ? Holder(31, other.LastName, other.FirstName, other.Email)
                : new Dictionary<string, string?> { ["hasOther"] = FormDefinitions.Yes, ["lastName"] = "DUPONT", ["firstName"] = "Jean-Paul", ["mobilePhone"] = "06 12 34 56 01" });
            form.Submit(form.Values, true, $"{other.FirstName} {other.LastName}", $"{other.FirstName} {other.LastName}", now).ThrowIfFailure();
            form.Validate(Agent, now).ThrowIfFailure();
            db.Forms.Add(form);
        }

        // Family 1's grand-mother may pick up both children.
        var first = DemoCatalog.Families[0];
        var grandMother = Contact.Create(first.Id, "Josette", "Dupont", "06 45 12 78 90", null, now);
        db.Contacts.Add(grandMother);
        foreach (var child in first.Children)
        {
            var link = ChildContact.Link(child.Id, grandMother.Id);
            link.Update("Grand-mère", mayPickUp: true, emergencyCall: true);
            db.ChildContacts.Add(link);
        }

        var withQuotient = DemoCatalog.Families[FamilyToUpdate - 1];
        db.Quotients.Add(FamilyQuotient.Record(withQuotient.Id, today.Year, 31_200m, 2.5m, Agent, now));
        await db.SaveChangesAsync(ct);
    }

    private static Dictionary<string, string?> Holder(int number, string lastName, string firstName, string email) => new()
    {
        ["lastName"] = lastName,
        ["firstName"] = firstName,
        ["address"] = $"{number} avenue du Baron Haussmann",
        ["postalCode"] = "33610",
        ["city"] = "Cestas",
        ["mobilePhone"] = $"06 12 34 56 {number:00}",
        ["email"] = email,
    };
}
