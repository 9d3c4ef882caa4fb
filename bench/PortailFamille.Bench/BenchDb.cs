using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace PortailFamille.Bench;

internal sealed record Column(string Name, NpgsqlDbType Type);

/// <summary>
/// Raw access to the bench database, for bulk loading, the raw-SQL baseline and the invariant checks.
/// Table names follow the modules' conventions: a prefix on SQLite (reservations_bookings), a schema on
/// PostgreSQL (reservations.bookings); columns keep the entity property names.
/// </summary>
internal abstract class BenchDb
{
    public abstract BenchDatabase Kind { get; }
    public abstract string ConnectionString { get; }
    public abstract string Provider { get; }

    public abstract DbConnection NewConnection();

    public abstract string Table(string module, string table);

    public abstract object Value(object? value);

    public abstract Task BulkInsertAsync(string module, string table, IReadOnlyList<Column> columns, IEnumerable<object?[]> rows, CancellationToken ct);

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = NewConnection();
        await connection.OpenAsync(ct);
        return connection;
    }

    public DbCommand Command(DbConnection connection, string sql, params object?[] values)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = $"p{i}";
            p.Value = Value(values[i]);
            command.Parameters.Add(p);
        }

        return command;
    }

    public async Task<long> ScalarAsync(string sql, CancellationToken ct, params object?[] values)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection, sql, values);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql, CancellationToken ct, params object?[] values)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection, sql, values);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(ct);
    }
}

internal sealed class SqliteBenchDb(string connectionString) : BenchDb
{
    private static readonly DateTimeOffsetToBinaryConverter Instants = new();

    public override BenchDatabase Kind => BenchDatabase.Sqlite;
    public override string ConnectionString => connectionString;
    public override string Provider => "Sqlite";

    public override DbConnection NewConnection() => new SqliteConnection(connectionString);

    public override string Table(string module, string table) => $"{module}_{table}";

    /// <summary>What EF Core stores on SQLite: upper-case text GUIDs, ISO days, instants as sortable integers, decimals as text.</summary>
    public override object Value(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => Instants.ConvertToProvider(t)!,
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        bool b => b ? 1L : 0L,
        _ => value,
    };

    public override async Task BulkInsertAsync(string module, string table, IReadOnlyList<Column> columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var connection = (SqliteConnection)await OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Table(module, table)} ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = Value(row[i]);
            await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }
}

internal sealed class PostgresBenchDb(string connectionString) : BenchDb
{
    public override BenchDatabase Kind => BenchDatabase.Postgres;
    public override string ConnectionString => connectionString;
    public override string Provider => "Postgres";

    public override DbConnection NewConnection() => new NpgsqlConnection(connectionString);

    public override string Table(string module, string table) => $"{module}.{table}";

    public override object Value(object? value) => value ?? DBNull.Value;

    /// <summary>COPY … FROM STDIN (FORMAT BINARY): the fastest way into PostgreSQL.</summary>
    public override async Task BulkInsertAsync(string module, string table, IReadOnlyList<Column> columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var connection = (NpgsqlConnection)await OpenAsync(ct);
        var copy = $"COPY {Table(module, table)} ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var writer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
            {
                if (row[i] is null) await writer.WriteNullAsync(ct);
                else await writer.WriteAsync(row[i], columns[i].Type, ct);
            }
        }

        await writer.CompleteAsync(ct);
    }
}
