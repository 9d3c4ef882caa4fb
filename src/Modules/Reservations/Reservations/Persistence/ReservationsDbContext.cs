using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.Reservations.Domain;

namespace PortailFamille.Reservations.Persistence;

internal class ReservationsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "reservations";

    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<BookingPeriod> BookingPeriods => Set<BookingPeriod>();
    public DbSet<Closure> Closures => Set<Closure>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyProviderConventions(this);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Activity>(a =>
        {
            a.ToTable("activities");
            a.HasKey(x => x.Id);
            a.Property(x => x.Code).HasMaxLength(40).IsRequired();
            a.Property(x => x.Name).HasMaxLength(200).IsRequired();
            a.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            a.Property(x => x.DayPart).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.WalletCode).HasMaxLength(40).IsRequired();
            a.Property(x => x.ArrivalSlots).HasMaxLength(400);
            a.Property(x => x.DepartureSlots).HasMaxLength(400);
            a.Ignore(x => x.AgeGroup);
            a.HasIndex(x => new { x.StructureId, x.Code }).IsUnique();
        });

        modelBuilder.Entity<BookingPeriod>(p =>
        {
            p.ToTable("booking_periods");
            p.HasKey(x => x.Id);
            p.Property(x => x.Name).HasMaxLength(200).IsRequired();
            p.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            p.HasIndex(x => new { x.StructureId, x.StartsOn });
        });

        modelBuilder.Entity<Closure>(c =>
        {
            c.ToTable("closures");
            c.HasKey(x => x.Id);
            c.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            c.Property(x => x.Reason).HasMaxLength(200).IsRequired();
            c.HasIndex(x => new { x.StructureId, x.Day });
        });

        modelBuilder.ApplyModuleNaming(this, Module);
    }
}

internal sealed class SqliteReservationsDbContext(DbContextOptions<SqliteReservationsDbContext> options) : ReservationsDbContext(options);

internal sealed class PostgresReservationsDbContext(DbContextOptions<PostgresReservationsDbContext> options) : ReservationsDbContext(options);

internal sealed class SqliteReservationsDesignFactory : IDesignTimeDbContextFactory<SqliteReservationsDbContext>
{
    public SqliteReservationsDbContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<SqliteReservationsDbContext>(ReservationsDbContext.Module));
}

internal sealed class PostgresReservationsDesignFactory : IDesignTimeDbContextFactory<PostgresReservationsDbContext>
{
    public PostgresReservationsDbContext CreateDbContext(string[] args) => new(DesignTime.Postgres<PostgresReservationsDbContext>(ReservationsDbContext.Module));
}
