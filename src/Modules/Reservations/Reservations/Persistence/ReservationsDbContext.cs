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
    public DbSet<SchoolHoliday> SchoolHolidays => Set<SchoolHoliday>();
    public DbSet<DaySlot> DaySlots => Set<DaySlot>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<CartItem> CartItems => Set<CartItem>();
    public DbSet<Features.CalendarFeed> CalendarFeeds => Set<Features.CalendarFeed>();

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
            a.Property(x => x.Weekdays).HasMaxLength(20).IsRequired();
            a.Property(x => x.BillingMode).HasConversion<string>().HasMaxLength(20);
            a.Ignore(x => x.AgeGroup);
            a.Ignore(x => x.ArrivalChoices);
            a.Ignore(x => x.DepartureChoices);
            a.Ignore(x => x.PeriodKind);
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

        modelBuilder.Entity<SchoolHoliday>(h =>
        {
            h.ToTable("school_holidays");
            h.HasKey(x => x.Id);
            h.Property(x => x.Name).HasMaxLength(100).IsRequired();
        });

        modelBuilder.Entity<DaySlot>(d =>
        {
            d.ToTable("day_slots");
            d.HasKey(x => new { x.ActivityId, x.Day });
            d.Ignore(x => x.Remaining);
            d.Ignore(x => x.HasRoom);
            d.Ignore(x => x.WaitlistHasRoom);
            d.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Booking>(b =>
        {
            b.ToTable("bookings");
            b.HasKey(x => x.Id);
            b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.RefusalReason).HasMaxLength(300);
            b.Property(x => x.Arrival).HasMaxLength(5);
            b.Property(x => x.Departure).HasMaxLength(5);
            b.Property(x => x.Attendance).HasConversion<string>().HasMaxLength(10);
            b.Ignore(x => x.IsActive);
            b.Ignore(x => x.Status);
            b.HasIndex(x => new { x.FamilyAccountId, x.Day });
            b.HasIndex(x => new { x.ActivityId, x.Day, x.Outcome, x.RequestedAt });
            // One active line (accepted or waitlisted) per child, activity and day, whoever booked it:
            // two parents or two tabs confirming the same day cannot both win.
            b.HasIndex(x => new { x.ChildId, x.ActivityId, x.Day }).IsUnique()
                .HasFilter("\"Outcome\" IN ('Accepted', 'Waitlisted')")
                .HasDatabaseName("ux_bookings_active_child_day");
            b.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<CartItem>(c =>
        {
            c.ToTable("cart_items");
            c.HasKey(x => x.Id);
            c.Property(x => x.Action).HasConversion<string>().HasMaxLength(10);
            c.Property(x => x.Arrival).HasMaxLength(5);
            c.Property(x => x.Departure).HasMaxLength(5);
            c.HasIndex(x => new { x.FamilyAccountId, x.ChildId, x.ActivityId, x.Day }).IsUnique();
            c.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Features.CalendarFeed>(f =>
        {
            f.ToTable("calendar_feeds");
            f.HasKey(x => x.FamilyAccountId);
            f.Property(x => x.Token).HasMaxLength(64).IsRequired();
            f.HasIndex(x => x.Token).IsUnique();
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
