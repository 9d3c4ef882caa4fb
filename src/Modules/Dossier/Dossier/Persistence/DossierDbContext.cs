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
    public DbSet<Form> Forms => Set<Form>();
    public DbSet<FormAuditEntry> FormAudit => Set<FormAuditEntry>();
    public DbSet<SupportingDocument> Documents => Set<SupportingDocument>();
    public DbSet<Insurer> Insurers => Set<Insurer>();
    public DbSet<Doctor> Doctors => Set<Doctor>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ChildContact> ChildContacts => Set<ChildContact>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<FamilyQuotient> Quotients => Set<FamilyQuotient>();

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

        modelBuilder.Entity<Form>(f =>
        {
            f.ToTable("forms");
            f.HasKey(x => x.Id);
            f.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            f.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            f.Property(x => x.ValuesJson).IsRequired();
            f.Property(x => x.SignerName).HasMaxLength(200);
            f.Property(x => x.SubmittedBy).HasMaxLength(200);
            f.Property(x => x.ReviewedBy).HasMaxLength(200);
            f.Property(x => x.RejectionReason).HasMaxLength(1000);
            f.Property(x => x.Stamp).IsConcurrencyToken();
            f.Ignore(x => x.Values);
            f.HasIndex(x => new { x.SubjectId, x.Kind }).IsUnique();
            f.HasIndex(x => x.FamilyAccountId);
            f.HasIndex(x => x.Status);
        });

        modelBuilder.Entity<FormAuditEntry>(a =>
        {
            a.ToTable("form_audit");
            a.HasKey(x => x.Id);
            a.Property(x => x.Actor).HasMaxLength(200).IsRequired();
            a.Property(x => x.Action).HasConversion<string>().HasMaxLength(30);
            a.Property(x => x.Detail).HasMaxLength(1000);
            a.HasIndex(x => x.FormId);
            a.HasIndex(x => x.FamilyAccountId);
        });

        modelBuilder.Entity<SupportingDocument>(d =>
        {
            d.ToTable("documents");
            d.HasKey(x => x.Id);
            d.Property(x => x.Piece).HasConversion<string>().HasMaxLength(30);
            d.Property(x => x.FileName).HasMaxLength(200).IsRequired();
            d.Property(x => x.ContentType).HasMaxLength(50).IsRequired();
            d.Property(x => x.StorageKey).HasMaxLength(200).IsRequired();
            d.HasIndex(x => new { x.FormId, x.Piece });
            d.HasIndex(x => x.FamilyAccountId);
            d.HasOne<Form>().WithMany().HasForeignKey(x => x.FormId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Insurer>(i =>
        {
            i.ToTable("insurers");
            i.HasKey(x => x.Id);
            i.Property(x => x.Name).HasMaxLength(200).IsRequired();
            i.Property(x => x.Address).HasMaxLength(300);
            i.Property(x => x.Phone).HasMaxLength(30);
            i.HasIndex(x => x.Name).IsUnique();
        });

        modelBuilder.Entity<Doctor>(d =>
        {
            d.ToTable("doctors");
            d.HasKey(x => x.Id);
            d.Property(x => x.Name).HasMaxLength(200).IsRequired();
            d.Property(x => x.Phone).HasMaxLength(30);
            d.Property(x => x.City).HasMaxLength(100);
            d.HasIndex(x => x.Name).IsUnique();
        });

        modelBuilder.Entity<Contact>(c =>
        {
            c.ToTable("contacts");
            c.HasKey(x => x.Id);
            c.Property(x => x.FirstName).HasMaxLength(100).IsRequired();
            c.Property(x => x.LastName).HasMaxLength(100).IsRequired();
            c.Property(x => x.Phone).HasMaxLength(30).IsRequired();
            c.Property(x => x.Email).HasMaxLength(200);
            c.HasIndex(x => x.FamilyAccountId);
        });

        modelBuilder.Entity<ChildContact>(l =>
        {
            l.ToTable("child_contacts");
            l.HasKey(x => new { x.ChildId, x.ContactId });
            l.Property(x => x.Relationship).HasMaxLength(100);
            l.HasIndex(x => x.ContactId);
            l.HasOne<Child>().WithMany().HasForeignKey(x => x.ChildId).OnDelete(DeleteBehavior.Cascade);
            l.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Campaign>(c =>
        {
            c.ToTable("campaigns");
            c.HasKey(x => x.SchoolYear);
            c.Property(x => x.SchoolYear).HasMaxLength(9);
            c.Property(x => x.OpenedBy).HasMaxLength(200).IsRequired();
        });

        modelBuilder.Entity<FamilyQuotient>(q =>
        {
            q.ToTable("family_quotients");
            q.HasKey(x => x.Id);
            q.Property(x => x.ReferenceIncome).HasPrecision(12, 2);
            q.Property(x => x.Parts).HasPrecision(5, 2);
            q.Property(x => x.Quotient).HasPrecision(12, 2);
            q.Property(x => x.ComputedBy).HasMaxLength(200).IsRequired();
            q.HasIndex(x => new { x.FamilyAccountId, x.Year }).IsUnique();
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
        if (!await db.Children.AnyAsync(cancellationToken)) await SeedChildrenAsync(cancellationToken);
        if (!await db.Campaigns.AnyAsync(cancellationToken) && !await db.Forms.AnyAsync(cancellationToken)) await DossierDemo.SeedAsync(db, clock.GetUtcNow(), cancellationToken);
    }

    private async Task SeedChildrenAsync(CancellationToken cancellationToken)
    {
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
