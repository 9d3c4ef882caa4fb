using Microsoft.EntityFrameworkCore;

namespace PortailFamille.BuildingBlocks.Persistence;

/// <summary>Options for `dotnet ef migrations add` (no database is opened to scaffold a migration).</summary>
public static class DesignTime
{
    public static DbContextOptions<T> Sqlite<T>(string module) where T : DbContext =>
        new DbContextOptionsBuilder<T>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable($"__ef_migrations_{module}"))
            .Options;

    public static DbContextOptions<T> Postgres<T>(string module) where T : DbContext =>
        new DbContextOptionsBuilder<T>()
            .UseNpgsql("Host=localhost;Database=design_time", o => o.MigrationsHistoryTable("__ef_migrations", module))
            .Options;
}
