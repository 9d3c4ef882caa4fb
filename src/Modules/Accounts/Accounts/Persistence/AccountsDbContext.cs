using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PortailFamille.Accounts.Domain;
using PortailFamille.BuildingBlocks.Persistence;

namespace PortailFamille.Accounts.Persistence;

internal class AccountsDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public const string Module = "accounts";

    public DbSet<Structure> Structures => Set<Structure>();
    public DbSet<FamilyAccount> FamilyAccounts => Set<FamilyAccount>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
    public DbSet<PasswordLink> PasswordLinks => Set<PasswordLink>();
    public DbSet<UserSession> Sessions => Set<UserSession>();
    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    /// <summary>The Hosts' data protection key ring (session and antiforgery cookies): shared by every Host instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyProviderConventions(this);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DataProtectionKey>(k =>
        {
            // ASP.NET Core's type, outside this assembly: ApplyModuleNaming leaves it alone, so it is named here.
            k.ToTable(Database.IsSqlite() ? $"{Module}_data_protection_keys" : "data_protection_keys");
            k.HasKey(x => x.Id);
            k.Property(x => x.FriendlyName).HasMaxLength(200);
        });

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

        modelBuilder.Entity<SignInThrottle>(t =>
        {
            t.ToTable("sign_in_throttles");
            t.HasKey(x => x.Identifier);
            t.Property(x => x.Identifier).HasMaxLength(100);
        });

        modelBuilder.Entity<UserSession>(u =>
        {
            u.ToTable("sessions");
            u.HasKey(x => x.Id);
            u.HasIndex(x => x.UserId); // a family account or a staff member: no foreign key, either table
        });

        modelBuilder.Entity<PasswordLink>(l =>
        {
            l.ToTable("password_links");
            l.HasKey(x => x.Id);
            l.Property(x => x.TokenHash).HasMaxLength(64).IsRequired();
            l.Property(x => x.Reason).HasConversion<string>().HasMaxLength(40);
            l.HasIndex(x => x.TokenHash).IsUnique();
            l.Property(x => x.UsedAt).IsConcurrencyToken(); // a link used twice at once: one update wins
            l.HasIndex(x => x.AccountId);
            // At most one valid link per account, whatever the concurrency of the requests.
            l.HasIndex(x => x.AccountId, "IX_password_links_one_valid_per_account").IsUnique().HasFilter("\"UsedAt\" IS NULL AND \"RevokedAt\" IS NULL");
            l.HasOne<FamilyAccount>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ConsentRecord>(c =>
        {
            c.ToTable("consents");
            c.HasKey(x => x.Id);
            c.Property(x => x.Document).HasConversion<string>().HasMaxLength(40);
            c.Property(x => x.Version).HasMaxLength(40).IsRequired();
            c.HasIndex(x => new { x.AccountId, x.Document, x.Version }).IsUnique();
            c.HasOne<FamilyAccount>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AuditEntry>(a =>
        {
            a.ToTable("audit_entries");
            a.HasKey(x => x.Id);
            a.Property(x => x.ActorName).HasMaxLength(200).IsRequired();
            a.Property(x => x.Action).HasConversion<string>().HasMaxLength(60);
            a.Property(x => x.Details).HasMaxLength(1000).IsRequired();
            a.HasIndex(x => x.At);
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
