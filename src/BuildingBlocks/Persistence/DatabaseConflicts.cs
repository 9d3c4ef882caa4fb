using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PortailFamille.BuildingBlocks.Persistence;

public static class DatabaseConflicts
{
    /// <summary>
    /// The database refused this transaction because of another one at the same moment: a unique index or a concurrency
    /// token (EF's DbUpdateException), a deadlock or a serialization failure (PostgreSQL 40P01, 40001, which EF wraps as
    /// a "transient failure"), SQLite busy or locked. Nothing of the transaction is kept: the caller answers « try again ».
    /// </summary>
    public static bool IsConflict(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DbUpdateException:
                case DbException { SqlState: "40P01" or "40001" }:
                case SqliteException { SqliteErrorCode: 5 or 6 }:
                    return true;
            }
        }

        return false;
    }
}
