using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.Notifications.Domain;

namespace PortailFamille.Notifications.Persistence;

internal class NotificationsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "notifications";

    public DbSet<NewsItem> News => Set<NewsItem>();
    public DbSet<WorkerJournalEntry> WorkerJournal => Set<WorkerJournalEntry>();
    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();
    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyProviderConventions(this);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<NewsItem>(news =>
        {
            news.ToTable("news");
            news.HasKey(n => n.Id);
            news.Property(n => n.Title).HasMaxLength(NewsItem.TitleMaxLength).IsRequired();
            news.Property(n => n.Body).HasMaxLength(NewsItem.BodyMaxLength).IsRequired();
            news.Property(n => n.PublishedBy).HasMaxLength(200).IsRequired();
            news.HasIndex(n => new { n.StructureId, n.PublishedAt });
        });

        modelBuilder.Entity<WorkerJournalEntry>(entry =>
        {
            entry.ToTable("worker_journal");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.EventType).HasMaxLength(200).IsRequired();
            entry.Property(e => e.ProcessedBy).HasMaxLength(200).IsRequired();
            entry.HasIndex(e => new { e.EventType, e.SubjectId }).IsUnique();
        });

        modelBuilder.Entity<Broadcast>(b =>
        {
            b.ToTable("broadcasts");
            b.HasKey(x => x.Id);
            b.Property(x => x.Subject).HasMaxLength(150).IsRequired();
            b.Property(x => x.Body).HasMaxLength(8000).IsRequired();
            b.Property(x => x.SentBy).HasMaxLength(200).IsRequired();
            b.HasIndex(x => new { x.StructureId, x.SentAt });
        });

        modelBuilder.Entity<OutgoingMail>(mail =>
        {
            mail.ToTable("outgoing_mails");
            mail.HasKey(m => m.Id);
            mail.Property(m => m.MessageId).HasMaxLength(OutgoingMail.MessageIdMaxLength).IsRequired();
            mail.HasIndex(m => m.MessageId).IsUnique();
            mail.Property(m => m.Subject).HasMaxLength(OutgoingMail.SubjectMaxLength).IsRequired();
            mail.Property(m => m.Recipients).HasMaxLength(OutgoingMail.RecipientsMaxLength).IsRequired();
            mail.Property(m => m.Content).IsRequired();
            mail.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            mail.Property(m => m.LastError).HasMaxLength(OutgoingMail.ErrorMaxLength);
            mail.HasIndex(m => new { m.Status, m.NextAttemptAt });
        });

        modelBuilder.ApplyModuleNaming(this, Module);
    }
}

/// <summary>Carries the SQLite migrations.</summary>
internal sealed class SqliteNotificationsDbContext(DbContextOptions<SqliteNotificationsDbContext> options) : NotificationsDbContext(options);

/// <summary>Carries the PostgreSQL migrations.</summary>
internal sealed class PostgresNotificationsDbContext(DbContextOptions<PostgresNotificationsDbContext> options) : NotificationsDbContext(options);

internal sealed class SqliteNotificationsDesignFactory : IDesignTimeDbContextFactory<SqliteNotificationsDbContext>
{
    public SqliteNotificationsDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Sqlite<SqliteNotificationsDbContext>(NotificationsDbContext.Module));
}

internal sealed class PostgresNotificationsDesignFactory : IDesignTimeDbContextFactory<PostgresNotificationsDbContext>
{
    public PostgresNotificationsDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Postgres<PostgresNotificationsDbContext>(NotificationsDbContext.Module));
}
