using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Domain;
using PortailFamille.Accounts.Features;
using PortailFamille.BuildingBlocks.Demo;
using PortailFamille.BuildingBlocks.Persistence;

namespace PortailFamille.Accounts.Persistence;

internal sealed class AccountsDemoSeeder(AccountsDbContext db, PasswordHashing hashing) : IDemoSeeder
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
            db.FamilyAccounts.Add(FamilyAccount.Create(f.Id, f.Identifier, familyHash, f.HolderFirstName, f.LastName, f.Email, structure.Id));
        }

        var staffHash = hashing.Hash(DemoCatalog.StaffPassword);
        foreach (var s in DemoCatalog.Staff)
            db.StaffMembers.Add(StaffMember.Create(s.Id, s.Identifier, staffHash, s.FullName, Enum.Parse<StaffRole>(s.Role)));

        await db.SaveChangesAsync(cancellationToken);
    }
}
