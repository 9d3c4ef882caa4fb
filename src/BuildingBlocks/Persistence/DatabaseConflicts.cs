using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PortailFamille.BuildingBlocks.Persistence;

public static class DatabaseConflicts
{
    /// <summary>
    /// The database refused this transaction because of another one at the same moment: a concurrency token (EF's
    /// DbUpdateConcurrencyException), a unique index (PostgreSQL 23505, SQLite constraint 2067/1555), a deadlock or a
    /// serialization failure (PostgreSQL 40P01, 40001, which EF wraps as a "transient failure"), SQLite busy or locked.
    /// Nothing of the transaction is kept: the caller answers « try again ». Any other database error is a bug and
    /// stays one (a value too long, a missing foreign key…).
    /// </summary>
    public static bool IsConflict(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DbUpdateConcurrencyException:
                case DbException { SqlState: "23505" or "40P01" or "40001" }:
                case SqliteException { SqliteErrorCode: 5 or 6 }:
                case SqliteException { SqliteExtendedErrorCode: 2067 or 1555 }:
                    return true;
            }
        }

        return false;
    }
}
