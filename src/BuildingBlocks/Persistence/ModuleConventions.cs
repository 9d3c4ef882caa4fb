using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PortailFamille.BuildingBlocks.Persistence;

public static class ModuleConventions
{
    /// <summary>
    /// SQLite cannot order or compare DateTimeOffset stored as text: instants (always UTC here) are
    /// stored as sortable integers there. PostgreSQL keeps its native timestamptz.
    /// </summary>
    public static void ApplyProviderConventions(this ModelConfigurationBuilder configuration, DbContext context)
    {
        if (!context.Database.IsSqlite()) return;
        configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
