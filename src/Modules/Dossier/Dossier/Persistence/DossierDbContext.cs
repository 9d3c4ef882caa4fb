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

internal sealed class DossierDemoSeeder(DossierDbContext db) : IDemoSeeder
{
    public int Order => 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Children.AnyAsync(cancellationToken)) return;
        foreach (var family in DemoCatalog.Families)
        foreach (var child in family.Children)
            db.Children.Add(Child.Register(child.Id, family.Id, child.FirstName, family.LastName, child.BirthDate, child.School, child.Grade));
        await db.SaveChangesAsync(cancellationToken);
    }
}
