using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace PortailFamille.BuildingBlocks.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The one database every module and Wolverine's store live in (the outbox is transactional only then).
/// Configuration: Database:Provider (Sqlite | Postgres), Database:ConnectionString.
/// Without a connection string, SQLite uses data/portail-famille.db at the repository root
/// (so the Host and the Worker started with dotnet run share it), else beside the binaries.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    public static DatabaseOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Database");
        var providerText = section["Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var p) ? p
            : throw Configuration.Settings.Refuse<DatabaseOptions>("Database:Provider", providerText, "Sqlite or Postgres");

        var connectionString = section["ConnectionString"];
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw Configuration.Settings.Refuse<DatabaseOptions>("Database:ConnectionString", connectionString, "a PostgreSQL connection string when Database:Provider is Postgres");
            return new DatabaseOptions(provider, connectionString);
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDirectory = section["DataDirectory"] ?? Path.Combine(FindRepositoryRoot() ?? AppContext.BaseDirectory, "data");
            connectionString = $"Data Source={Path.Combine(dataDirectory, "portail-famille.db")}";
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString)
            {
                // Host and Worker write the same file: wait for the other writer instead of failing.
                DefaultTimeout = 30,
                Pooling = true,
            };
        }
        catch (ArgumentException)
        {
            throw Configuration.Settings.Refuse<DatabaseOptions>("Database:ConnectionString", connectionString, "a SQLite connection string such as Data Source=data/portail-famille.db");
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        return new DatabaseOptions(provider, builder.ToString());
    }

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PortailFamille.sln"))) return dir.FullName;
        }
        return null;
    }
}
