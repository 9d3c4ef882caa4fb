using Microsoft.EntityFrameworkCore;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

/// <summary>Which fiches a family may see: its own account's, and its children's (shared by separated parents).</summary>
internal static class DossierAccess
{
    /// <summary>The ids of the children a family account is guardian of (the guardianships' FamilyAccountId index).</summary>
    public static IQueryable<Guid> ChildIdsOf(this DossierDbContext db, Guid familyAccountId) =>
        db.Guardians.Where(g => g.FamilyAccountId == familyAccountId).Select(g => g.ChildId);

    // A child's fiches have the child as subject: "SubjectId IN (the family's children)" is an uncorrelated
    // subquery answered from the indexes, where a correlated EXISTS would be run once per fiche on SQLite.
    public static IQueryable<Form> FormsOf(this DossierDbContext db, Guid familyAccountId) =>
        db.Forms.Where(f => f.FamilyAccountId == familyAccountId || (f.ChildId != null && db.ChildIdsOf(familyAccountId).Contains(f.SubjectId)));

    /// <summary>
    /// The children a family account is guardian of, read from the guardianship side: written as "children where
    /// EXISTS (guardianship)", SQLite scanned all the town's children for each request (93–161 ms at 100,000).
    /// </summary>
    public static IQueryable<Child> ChildrenOf(this DossierDbContext db, Guid familyAccountId) =>
        db.ChildIdsOf(familyAccountId).Join(db.Children, id => id, c => c.Id, (id, c) => c);

    /// <summary>Family: only a fiche of its own; staff (null): any fiche.</summary>
    public static IQueryable<Form> FormsFor(this DossierDbContext db, Guid? familyAccountId) =>
        familyAccountId is { } family ? db.FormsOf(family) : db.Forms;

    public static async Task<List<Guid>> ChildIdsOfAsync(this DossierDbContext db, Guid familyAccountId, CancellationToken ct) =>
        await db.ChildIdsOf(familyAccountId).ToListAsync(ct);

    /// <summary>Creates the fiches the family does not have yet (« à saisir »): two for the account, five per child.</summary>
    public static async Task EnsureFormsAsync(this DossierDbContext db, Guid familyAccountId, Func<IReadOnlyDictionary<string, string?>?> holderDefaults, DateTimeOffset now, CancellationToken ct)
    {
        var childIds = await db.ChildIdsOfAsync(familyAccountId, ct);
        var subjects = childIds.Append(familyAccountId).ToList();
        var existing = (await db.Forms.Where(f => subjects.Contains(f.SubjectId)).Select(f => new { f.SubjectId, f.Kind }).ToListAsync(ct))
            .Select(x => (x.SubjectId, x.Kind)).ToHashSet();
        var missing = Form.AccountKinds.Select(k => (Subject: familyAccountId, Child: (Guid?)null, Kind: k))
            .Concat(childIds.SelectMany(c => Form.ChildKinds.Select(k => (Subject: c, Child: (Guid?)c, Kind: k))))
            .Where(x => !existing.Contains((x.Subject, x.Kind)))
            .ToList();
        if (missing.Count == 0) return;

        foreach (var (_, child, kind) in missing)
            db.Forms.Add(Form.Create(familyAccountId, child, kind, now, kind == FormKind.AccountHolder ? holderDefaults() : null));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two tabs (or both separated parents) opened the dossier at once: the other request created them.
            db.ChangeTracker.Clear();
        }
    }

    public static async Task<DossierView> ViewAsync(this DossierDbContext db, Guid familyAccountId, CancellationToken ct)
    {
        var childIds = await db.ChildIdsOfAsync(familyAccountId, ct);
        var children = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.FirstName + " " + c.LastName, ct);
        var forms = await db.Forms.AsNoTracking()
            .Where(f => (f.ChildId == null && f.FamilyAccountId == familyAccountId) || (f.ChildId != null && childIds.Contains(f.ChildId.Value)))
            .Select(f => new { f.Id, f.Kind, f.Status, f.ChildId, f.UpdatedAt })
            .ToListAsync(ct);
        var summaries = forms
            .Select(f => new FormSummary(f.Id, f.Kind, f.Status, f.ChildId, f.ChildId is { } c ? children.GetValueOrDefault(c) : null, f.UpdatedAt))
            .OrderBy(f => f.ChildId is null ? 0 : 1).ThenBy(f => f.ChildName).ThenBy(f => f.Kind)
            .ToList();
        var counts = Enum.GetValues<FormStatus>().ToDictionary(s => s, s => summaries.Count(f => f.Status == s));
        var campaign = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.SchoolYear).FirstOrDefaultAsync(ct);
        return new DossierView(familyAccountId, summaries, counts, campaign?.ToView());
    }
}
