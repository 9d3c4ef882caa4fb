using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PortailFamille.Accounts.Domain;
using PortailFamille.BuildingBlocks.Persistence;

namespace PortailFamille.Accounts.Persistence;

internal class AccountsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "accounts";

    public DbSet<Structure> Structures => Set<Structure>();
    public DbSet<FamilyAccount> FamilyAccounts => Set<FamilyAccount>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyProviderConventions(this);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Structure>(s =>
        {
            s.ToTable("structures");
            s.HasKey(x => x.Id);
            s.Property(x => x.Code).HasMaxLength(40).IsRequired();
            s.Property(x => x.Name).HasMaxLength(200).IsRequired();
            s.Property(x => x.Town).HasMaxLength(200).IsRequired();
            s.HasIndex(x => x.Code).IsUnique();
        });

        modelBuilder.Entity<FamilyAccount>(f =>
        {
            f.ToTable("family_accounts");
            f.HasKey(x => x.Id);
            f.Property(x => x.Identifier).HasMaxLength(100).IsRequired();
            f.Property(x => x.PasswordHash).HasMaxLength(500).IsRequired();
            f.Property(x => x.HolderFirstName).HasMaxLength(100).IsRequired();
            f.Property(x => x.HolderLastName).HasMaxLength(100).IsRequired();
            f.Property(x => x.Emails).HasMaxLength(1000).IsRequired();
            f.Ignore(x => x.EmailList);
            f.HasIndex(x => x.Identifier).IsUnique();
            f.HasOne<Structure>().WithMany().HasForeignKey(x => x.StructureId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<StaffMember>(s =>
        {
            s.ToTable("staff_members");
            s.HasKey(x => x.Id);
            s.Property(x => x.Identifier).HasMaxLength(100).IsRequired();
            s.Property(x => x.PasswordHash).HasMaxLength(500).IsRequired();
            s.Property(x => x.FullName).HasMaxLength(200).IsRequired();
            s.Property(x => x.Role).HasConversion<string>().HasMaxLength(40);
            s.HasIndex(x => x.Identifier).IsUnique();
        });

        modelBuilder.ApplyModuleNaming(this, Module);
    }
}

internal sealed class SqliteAccountsDbContext(DbContextOptions<SqliteAccountsDbContext> options) : AccountsDbContext(options);

internal sealed class PostgresAccountsDbContext(DbContextOptions<PostgresAccountsDbContext> options) : AccountsDbContext(options);

internal sealed class SqliteAccountsDesignFactory : IDesignTimeDbContextFactory<SqliteAccountsDbContext>
{
    public SqliteAccountsDbContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<SqliteAccountsDbContext>(AccountsDbContext.Module));
}

internal sealed class PostgresAccountsDesignFactory : IDesignTimeDbContextFactory<PostgresAccountsDbContext>
{
    public PostgresAccountsDbContext CreateDbContext(string[] args) => new(DesignTime.Postgres<PostgresAccountsDbContext>(AccountsDbContext.Module));
}
