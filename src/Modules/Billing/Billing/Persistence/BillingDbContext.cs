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
    public DbSet<CardPayment> CardPayments => Set<CardPayment>();
    public DbSet<PaymentAnomaly> PaymentAnomalies => Set<PaymentAnomaly>();
    public DbSet<BookingCharge> BookingCharges => Set<BookingCharge>();

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

        modelBuilder.Entity<BookingCharge>(c =>
        {
            c.ToTable("booking_charges");
            c.HasKey(x => x.BookingId); // a booking of the Reservations module, never a foreign key across modules
            c.Property(x => x.WalletCode).HasMaxLength(40).IsRequired();
            c.Property(x => x.Charged).HasPrecision(12, 2);
            c.Property(x => x.Label).HasMaxLength(200).IsRequired();
            c.Property(x => x.Version).IsConcurrencyToken();
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

        // Card payments: amounts and dates only, never card data.
        modelBuilder.Entity<CardPayment>(p =>
        {
            p.ToTable("card_payments");
            p.HasKey(x => x.Id);
            p.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.Gateway).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.ProviderReference).HasMaxLength(255);
            p.Property(x => x.PaidByEventId).HasMaxLength(255);
            p.Property(x => x.PayerName).HasMaxLength(200).IsRequired();
            p.Property(x => x.Total).HasPrecision(12, 2);
            p.Property(x => x.Version).IsConcurrencyToken();
            p.Ignore(x => x.Reference);
            p.HasIndex(x => new { x.FamilyAccountId, x.CreatedAt });
            p.HasIndex(x => x.ProviderReference).IsUnique();
            p.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.CardPaymentId).OnDelete(DeleteBehavior.Cascade);
            p.Navigation(x => x.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<CardPaymentLine>(l =>
        {
            l.ToTable("card_payment_lines");
            l.HasKey(x => x.Id);
            l.Property(x => x.WalletCode).HasMaxLength(40).IsRequired();
            l.Property(x => x.Amount).HasPrecision(12, 2);
            l.HasIndex(x => new { x.CardPaymentId, x.WalletCode }).IsUnique();
        });

        modelBuilder.Entity<PaymentAnomaly>(a =>
        {
            a.ToTable("payment_anomalies");
            a.HasKey(x => x.Id);
            a.Property(x => x.ProviderEventId).HasMaxLength(255).IsRequired();
            a.HasIndex(x => x.ProviderEventId).IsUnique();
            a.Property(x => x.Reason).HasConversion<string>().HasMaxLength(30);
            a.Property(x => x.ExpectedAmount).HasPrecision(12, 2);
            a.Property(x => x.ReceivedCurrency).HasMaxLength(10);
            a.HasOne<CardPayment>().WithMany().HasForeignKey(x => x.CardPaymentId).OnDelete(DeleteBehavior.Restrict);
            a.HasIndex(x => x.ReceivedAt);
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
