using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;
using PortailFamille.Reservations.Features;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Reservations.Tests;

/// <summary>
/// A fresh, migrated Reservations database (SQLite in memory) on the guide's 2024/2025 calendar: « Éducation Jeunesse »
/// with PÉRIODE 1 (opens Monday 19 August 2024 for 2 September–18 October), the canteen (Mon, Tue, Thu, Fri) and
/// « MERCREDI 7/11 » (36 places, 10 on the waitlist); today is Monday 2 September 2024 in Paris.
/// </summary>
internal sealed class ReservationsDatabase : IAsyncDisposable
{
    public static readonly Guid Structure = Guid.Parse("0193c2a0-0000-7000-8000-0000000000e1");
    public static readonly Guid Family = Guid.Parse("0193c2a0-0000-7000-8000-0000000000f1");
    public static readonly ChildView Amalia = new(Guid.Parse("0193c2a0-0000-7000-8000-0000000000c1"), Family, "Amalia", "DUPONT", new DateOnly(2016, 3, 14), "École des Pierrettes", "CE2");
    public static readonly ChildView Paolo = new(Guid.Parse("0193c2a0-0000-7000-8000-0000000000c2"), Family, "Paolo", "DUPONT", new DateOnly(2020, 5, 2), "École des Pierrettes", "MS");

    private readonly SqliteConnection _connection;

    private ReservationsDatabase(SqliteConnection connection) => _connection = connection;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 9, 2, 7, 0, 0, TimeSpan.Zero)); // 09:00 in Paris

    public Activity Canteen { get; } = Activity.Create(Guid.NewGuid(), Structure, "RESTAURATION", "RESTAURATION", ActivityKind.Canteen, DayPart.FullDay, "RESTAURATION", weekdays: "1,2,4,5");

    public Activity Mercredi { get; } = Activity.Create(Guid.NewGuid(), Structure, "MERCREDI_7_11", "MERCREDI 7/11 PIERRETTES", ActivityKind.WednesdayCentre, DayPart.FullDay, "PERISCOLAIRE", 36, 10, 7, 11, weekdays: "3");

    public static async Task<ReservationsDatabase> CreateAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var database = new ReservationsDatabase(connection);
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        db.BookingPeriods.Add(BookingPeriod.Create(Guid.NewGuid(), Structure, "PÉRIODE 1", BookingPeriodKind.SchoolTime,
            new DateOnly(2024, 8, 19), new DateOnly(2024, 9, 2), new DateOnly(2024, 10, 18)));
        db.Activities.AddRange(database.Canteen, database.Mercredi);
        await db.SaveChangesAsync();
        return database;
    }

    /// <summary>A new context on the same database: what a handler reads is what was committed.</summary>
    public ReservationsDbContext NewContext() =>
        new SqliteReservationsDbContext(new DbContextOptionsBuilder<SqliteReservationsDbContext>().UseSqlite(_connection).Options);

    /// <summary>The module's own loading of children and rules; the children come from the Dossier contract, answered here.</summary>
    public ReservationData Data(ReservationsDbContext db) =>
        new(db, new DossierAnswers([Amalia, Paolo]), new BookingRulesCache(Clock, Microsoft.Extensions.Options.Options.Create(new ReservationsOptions())));

    public async Task<List<CartItem>> CartAsync()
    {
        await using var db = NewContext();
        return await db.CartItems.AsNoTracking().OrderBy(c => c.Day).ToListAsync();
    }

    public async Task AddAsync(params object[] entities)
    {
        await using var db = NewContext();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    /// <summary>The Dossier module's answer to <see cref="ListChildren"/>: the only question a cart slice asks another module.</summary>
    private sealed class DossierAnswers(IReadOnlyList<ChildView> children) : ISender
    {
        public ValueTask<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default) => query switch
        {
            ListChildren list => ValueTask.FromResult((TResponse)(object)children.Where(c => c.FamilyAccountId == list.FamilyAccountId).ToList()),
            _ => throw new InvalidOperationException($"a cart slice does not ask {query.GetType().Name}"),
        };

        public ValueTask<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default) => throw Unexpected(request);
        public ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default) => throw Unexpected(command);
        public ValueTask<object?> Send(object message, CancellationToken cancellationToken = default) => throw Unexpected(message);
        public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamQuery<TResponse> query, CancellationToken cancellationToken = default) => throw Unexpected(query);
        public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamRequest<TResponse> request, CancellationToken cancellationToken = default) => throw Unexpected(request);
        public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamCommand<TResponse> command, CancellationToken cancellationToken = default) => throw Unexpected(command);
        public IAsyncEnumerable<object?> CreateStream(object message, CancellationToken cancellationToken = default) => throw Unexpected(message);

        private static InvalidOperationException Unexpected(object message) => new($"a cart slice does not send {message.GetType().Name}");
    }
}
