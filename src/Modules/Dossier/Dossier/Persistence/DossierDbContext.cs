using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PortailFamille.BuildingBlocks.Demo;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.Dossier.Domain;

namespace PortailFamille.Dossier.Persistence;

internal class DossierDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "dossier";

    public DbSet<Child> Children => Set<Child>();
    public DbSet<ChildGuardian> Guardians => Set<ChildGuardian>();
    public DbSet<InternalRulesSignature> InternalRulesSignatures => Set<InternalRulesSignature>();
    public DbSet<ChildHealth> Health => Set<ChildHealth>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyProviderConventions(this);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Child>(c =>
        {
            c.ToTable("children");
            c.HasKey(x => x.Id);
            c.Property(x => x.FirstName).HasMaxLength(100).IsRequired();
            c.Property(x => x.LastName).HasMaxLength(100).IsRequired();
            c.Property(x => x.School).HasMaxLength(200).IsRequired();
            c.Property(x => x.Grade).HasMaxLength(20).IsRequired();
            c.HasIndex(x => x.FamilyAccountId); // an id of the Accounts module, never a foreign key across modules
        });

        modelBuilder.Entity<ChildGuardian>(g =>
        {
            g.ToTable("child_guardians");
            g.HasKey(x => new { x.ChildId, x.FamilyAccountId });
            g.HasIndex(x => x.FamilyAccountId);
            g.HasOne<Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<InternalRulesSignature>(r =>
        {
            r.ToTable("internal_rules_signatures");
            r.HasKey(x => x.Id);
            r.Property(x => x.SchoolYear).HasMaxLength(9).IsRequired();
            r.Property(x => x.SignerName).HasMaxLength(200).IsRequired();
            r.Property(x => x.Place).HasMaxLength(200).IsRequired();
            r.HasIndex(x => new { x.ChildId, x.SchoolYear }).IsUnique();
            r.HasOne<Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ChildHealth>(h =>
        {
            h.ToTable("child_health");
            h.HasKey(x => x.ChildId);
            h.Property(x => x.Allergies).HasMaxLength(500);
            h.Property(x => x.DietaryNeeds).HasMaxLength(500);
            h.HasOne<Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.ApplyModuleNaming(this, Module);
    }
}

internal sealed class SqliteDossierDbContext(DbContextOptions<SqliteDossierDbContext> options) : DossierDbContext(options);

internal sealed class PostgresDossierDbContext(DbContextOptions<PostgresDossierDbContext> options) : DossierDbContext(options);

internal sealed class SqliteDossierDesignFactory : IDesignTimeDbContextFactory<SqliteDossierDbContext>
{
    public SqliteDossierDbContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<SqliteDossierDbContext>(DossierDbContext.Module));
}

internal sealed class PostgresDossierDesignFactory : IDesignTimeDbContextFactory<PostgresDossierDbContext>
{
    public PostgresDossierDbContext CreateDbContext(string[] args) => new(DesignTime.Postgres<PostgresDossierDbContext>(DossierDbContext.Module));
}

internal sealed class DossierDemoSeeder(DossierDbContext db, TimeProvider clock) : IDemoSeeder
{
    public int Order => 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Children.AnyAsync(cancellationToken)) return;
        var now = clock.GetUtcNow();
        var year = SchoolYear.Of(DateOnly.FromDateTime(now.UtcDateTime));
        foreach (var family in DemoCatalog.Families)
        foreach (var child in family.Children)
        {
            db.Children.Add(Child.Register(child.Id, family.Id, child.FirstName, family.LastName, child.BirthDate, child.School, child.Grade));
            db.Guardians.Add(ChildGuardian.Link(child.Id, family.Id, now));
            if (family.Number == DemoCatalog.OtherParent.FamilyNumber)
                db.Guardians.Add(ChildGuardian.Link(child.Id, DemoCatalog.OtherParent.Id, now));
            // Family 30 signs at its first sign-in; the others already did this school year.
            if (!family.MustChangePassword)
                db.InternalRulesSignatures.Add(InternalRulesSignature.Sign(child.Id, family.Id, year, $"{family.HolderFirstName} {family.LastName}", "Cestas", now));
        }

        // A few children with a PAI, allergies or a diet, as the day sheets show them.
        var all = DemoCatalog.Families.SelectMany(f => f.Children).ToList();
        db.Health.AddRange(
            ChildHealth.Record(all[0].Id, hasPai: true, "Arachide (PAI, trousse d'urgence dans le sac)", null),
            ChildHealth.Record(all[4].Id, hasPai: false, "Lactose", "Sans produits laitiers"),
            ChildHealth.Record(all[9].Id, hasPai: true, "Asthme (ventoline)", null),
            ChildHealth.Record(all[15].Id, hasPai: false, null, "Sans porc"));

        await db.SaveChangesAsync(cancellationToken);
    }
}
