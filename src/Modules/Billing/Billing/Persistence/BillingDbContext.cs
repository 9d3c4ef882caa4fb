using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PortailFamille.Billing.Domain;
using PortailFamille.BuildingBlocks.Persistence;

namespace PortailFamille.Billing.Persistence;

internal class BillingDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "billing";

    public DbSet<Wallet> Wallets => Set<Wallet>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<Tariff> Tariffs => Set<Tariff>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyProviderConventions(this);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Wallet>(w =>
        {
            w.ToTable("wallets");
            w.HasKey(x => x.Id);
            w.Property(x => x.Code).HasMaxLength(40).IsRequired();
            w.Property(x => x.Label).HasMaxLength(200).IsRequired();
            w.HasIndex(x => new { x.FamilyAccountId, x.Code }).IsUnique();
        });

        modelBuilder.Entity<LedgerEntry>(e =>
        {
            e.ToTable("ledger_entries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Amount).HasPrecision(12, 2);
            e.Property(x => x.Label).HasMaxLength(200).IsRequired();
            e.Property(x => x.PaymentMode).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.PieceNumber).HasMaxLength(60);
            e.Property(x => x.PayerName).HasMaxLength(200);
            e.Property(x => x.BankName).HasMaxLength(100);
            e.HasOne<Wallet>().WithMany().HasForeignKey(x => x.WalletId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.WalletId, x.ValueDate });
            e.Property(x => x.SourceId).HasMaxLength(120);
            e.HasIndex(x => x.SourceId).IsUnique();
        });

        modelBuilder.Entity<Tariff>(t =>
        {
            t.ToTable("tariffs");
            t.HasKey(x => x.Id);
            t.Property(x => x.ActivityCode).HasMaxLength(40).IsRequired();
            t.Property(x => x.QuotientMin).HasPrecision(10, 2);
            t.Property(x => x.QuotientMax).HasPrecision(10, 2);
            t.Property(x => x.UnitPrice).HasPrecision(12, 2);
            t.Property(x => x.Label).HasMaxLength(100).IsRequired();
            t.HasIndex(x => new { x.StructureId, x.ActivityCode, x.QuotientMin }).IsUnique();
        });

        modelBuilder.ApplyModuleNaming(this, Module);
    }
}

internal sealed class SqliteBillingDbContext(DbContextOptions<SqliteBillingDbContext> options) : BillingDbContext(options);

internal sealed class PostgresBillingDbContext(DbContextOptions<PostgresBillingDbContext> options) : BillingDbContext(options);

internal sealed class SqliteBillingDesignFactory : IDesignTimeDbContextFactory<SqliteBillingDbContext>
{
    public SqliteBillingDbContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<SqliteBillingDbContext>(BillingDbContext.Module));
}

internal sealed class PostgresBillingDesignFactory : IDesignTimeDbContextFactory<PostgresBillingDbContext>
{
    public PostgresBillingDbContext CreateDbContext(string[] args) => new(DesignTime.Postgres<PostgresBillingDbContext>(BillingDbContext.Module));
}
