using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;
using PortailFamille.Billing.Persistence;

namespace PortailFamille.Billing.Tests;

/// <summary>A fresh, migrated SQLite database in memory, alive as long as its connection.</summary>
internal sealed class BillingDatabase : IAsyncDisposable
{
    private static readonly DateTimeOffset RecordedAt = new(2024, 9, 2, 7, 0, 0, TimeSpan.Zero);
    private readonly SqliteConnection connection;
    private int next;

    private BillingDatabase(SqliteConnection connection) => this.connection = connection;

    public static async Task<BillingDatabase> CreateAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var database = new BillingDatabase(connection);
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        return database;
    }

    /// <summary>A new context on the same database: what the handler reads is what was committed.</summary>
    public SqliteBillingDbContext NewContext() =>
        new(new DbContextOptionsBuilder<SqliteBillingDbContext>().UseSqlite(connection).Options);

    public async Task<Guid> OpenWalletAsync(Guid familyAccountId, string code, params decimal[] movements)
    {
        await using var db = NewContext();
        var wallet = Wallet.Open(Guid.NewGuid(), familyAccountId, code, code);
        db.Wallets.Add(wallet);
        foreach (var amount in movements)
        {
            var entry = LedgerEntry.Payment(Guid.NewGuid(), wallet.Id, Math.Abs(amount), new DateOnly(2024, 9, 2), RecordedAt,
                PaymentMode.Cheque, $"{795400 + ++next}", "DUPONT Jean-Paul", "LEP");
            db.LedgerEntries.Add(entry);
            if (amount < 0)
            {
                // The ledger has no consumption factory yet: turn the entry into a debit through the change tracker.
                db.Entry(entry).Property(e => e.Amount).CurrentValue = amount;
                db.Entry(entry).Property(e => e.Kind).CurrentValue = LedgerEntryKind.Consumption;
                db.Entry(entry).Property(e => e.PaymentMode).CurrentValue = null;
            }
        }
        await db.SaveChangesAsync();
        return wallet.Id;
    }

    public async Task AddTariffsAsync(params Tariff[] tariffs)
    {
        await using var db = NewContext();
        db.Tariffs.AddRange(tariffs);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
