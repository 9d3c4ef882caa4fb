using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Features;
using PortailFamille.Accounts.Persistence;

namespace PortailFamille.Accounts.Tests.Domain;

/// <summary>The lock-out rule (5 failures within 15 minutes lock 15 minutes) as sign-in applies it: conditional updates on a real SQLite database.</summary>
public sealed class SignInThrottleTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2024, 9, 2, 7, 0, 0, TimeSpan.Zero);
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    private SqliteAccountsDbContext NewContext() => new(new DbContextOptionsBuilder<SqliteAccountsDbContext>().UseSqlite(_connection).Options);

    /// <summary>One wrong password at <paramref name="at"/>: null when refused before the check, else whether it locked.</summary>
    private async Task<bool?> FailAsync(DateTimeOffset at)
    {
        await using var db = NewContext();
        if (!await SignInAttempts.TakeAsync(db, "famille01", at, default)) return null;
        return await SignInAttempts.LockIfSpentAsync(db, "famille01", at, default);
    }

    private async Task<bool> MayTryAsync(DateTimeOffset at)
    {
        await using var db = NewContext();
        var taken = await SignInAttempts.TakeAsync(db, "famille01", at, default);
        if (taken) await SignInAttempts.GiveBackAsync(db, "famille01", default);
        return taken;
    }

    [Fact]
    public async Task Four_failures_do_not_lock()
    {
        for (var i = 0; i < 4; i++) Assert.False(await FailAsync(T0.AddMinutes(i)));
        Assert.True(await MayTryAsync(T0.AddMinutes(4)));
    }

    [Fact]
    public async Task The_fifth_failure_within_fifteen_minutes_locks_for_fifteen_minutes_and_the_sixth_is_refused_unchecked()
    {
        for (var i = 0; i < 4; i++) await FailAsync(T0.AddMinutes(i * 3));

        Assert.True(await FailAsync(T0.AddMinutes(14)));
        Assert.Null(await FailAsync(T0.AddMinutes(14).AddSeconds(1)));
        Assert.False(await MayTryAsync(T0.AddMinutes(28).AddSeconds(59)));
        Assert.True(await MayTryAsync(T0.AddMinutes(29)));
    }

    [Fact]
    public async Task Failures_spread_over_more_than_fifteen_minutes_do_not_lock()
    {
        for (var i = 0; i < 4; i++) await FailAsync(T0.AddMinutes(i));

        // The window started at T0: 15 minutes and 1 second later the count starts again.
        Assert.False(await FailAsync(T0.AddMinutes(15).AddSeconds(1)));
        Assert.True(await MayTryAsync(T0.AddMinutes(16)));
    }

    [Fact]
    public async Task After_the_lock_expires_the_count_starts_again()
    {
        for (var i = 0; i < 5; i++) await FailAsync(T0);

        Assert.False(await FailAsync(T0.AddMinutes(15)));
        Assert.True(await MayTryAsync(T0.AddMinutes(15)));
    }

    [Fact]
    public async Task A_right_password_gives_the_attempts_back()
    {
        for (var i = 0; i < 4; i++) await FailAsync(T0);
        await using (var db = NewContext())
        {
            Assert.True(await SignInAttempts.TakeAsync(db, "famille01", T0.AddMinutes(1), default));
            await SignInAttempts.ResetAsync(db, "famille01", T0.AddMinutes(1), default);
        }

        for (var i = 0; i < 4; i++) Assert.False(await FailAsync(T0.AddMinutes(2)));
        await using var check = NewContext();
        Assert.Equal(4, (await check.SignInThrottles.SingleAsync()).Failures);
    }
}
