using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Domain;
using PortailFamille.Accounts.Features;
using PortailFamille.BuildingBlocks.Demo;
using PortailFamille.BuildingBlocks.Persistence;

namespace PortailFamille.Accounts.Persistence;

internal sealed class AccountsDemoSeeder(AccountsDbContext db, PasswordHashing hashing, TimeProvider clock) : IDemoSeeder
{
    public int Order => 10;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Structures.AnyAsync(cancellationToken)) return;

        foreach (var s in DemoCatalog.Structures)
            db.Structures.Add(Structure.Create(s.Id, s.Code, s.Name, DemoCatalog.TownName));

        // One hash for every demo family (same password): seeding stays fast, each check stays slow.
        var familyHash = hashing.Hash(DemoCatalog.FamilyPassword);
        foreach (var f in DemoCatalog.Families)
        {
            var structure = DemoCatalog.Structures[f.StructureIndex];
            db.FamilyAccounts.Add(FamilyAccount.Create(f.Id, f.Identifier, familyHash, f.HolderFirstName, f.LastName, f.Email,
                structure.Id, mustChangePassword: f.MustChangePassword, clock.GetUtcNow()));
        }

        // Separated parents: the other parent of family 1 has an account of their own (children linked by Dossier).
        var other = DemoCatalog.OtherParent;
        db.FamilyAccounts.Add(FamilyAccount.Create(other.Id, other.Identifier, familyHash, other.FirstName, other.LastName, other.Email,
            DemoCatalog.Education.Id, mustChangePassword: false, clock.GetUtcNow()));

        // Demo families have accepted the current notices; family 30 has legacy credentials (see MustChangePassword).
        foreach (var id in DemoCatalog.Families.Where(f => !f.MustChangePassword).Select(f => f.Id).Append(other.Id))
        foreach (var (document, version) in ConsentVersions.Current)
            db.ConsentRecords.Add(ConsentRecord.Accept(id, document, version, clock.GetUtcNow()));

        var staffHash = hashing.Hash(DemoCatalog.StaffPassword);
        foreach (var s in DemoCatalog.Staff)
            db.StaffMembers.Add(StaffMember.Create(s.Id, s.Identifier, staffHash, s.FullName, Enum.Parse<StaffRole>(s.Role)));

        await db.SaveChangesAsync(cancellationToken);
    }
}
