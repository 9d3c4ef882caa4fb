using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using NpgsqlTypes;

namespace PortailFamille.Bench;

/// <summary>
/// Writes the city into the migrated, empty database with bulk inserts (COPY on PostgreSQL, one prepared
/// statement in one transaction on SQLite), module by module, in each module's own tables. Every account
/// shares one password hash, computed once (each sign-in still pays the full check).
/// </summary>
internal static class DataLoader
{
    private static readonly Column[] FamilyAccountColumns =
    [
        new("Id", NpgsqlDbType.Uuid), new("Identifier", NpgsqlDbType.Varchar), new("PasswordHash", NpgsqlDbType.Varchar),
        new("HolderFirstName", NpgsqlDbType.Varchar), new("HolderLastName", NpgsqlDbType.Varchar), new("Emails", NpgsqlDbType.Varchar),
        new("StructureId", NpgsqlDbType.Uuid), new("MustChangePassword", NpgsqlDbType.Boolean), new("CreatedAt", NpgsqlDbType.TimestampTz),
    ];

    private static readonly Column[] ConsentColumns =
    [
        new("AccountId", NpgsqlDbType.Uuid), new("Document", NpgsqlDbType.Varchar), new("Version", NpgsqlDbType.Varchar), new("AcceptedAt", NpgsqlDbType.TimestampTz),
    ];

    private static readonly Column[] ChildColumns =
    [
        new("Id", NpgsqlDbType.Uuid), new("FamilyAccountId", NpgsqlDbType.Uuid), new("FirstName", NpgsqlDbType.Varchar), new("LastName", NpgsqlDbType.Varchar),
        new("BirthDate", NpgsqlDbType.Date), new("School", NpgsqlDbType.Varchar), new("Grade", NpgsqlDbType.Varchar),
    ];

    private static readonly Column[] GuardianColumns =
    [
        new("ChildId", NpgsqlDbType.Uuid), new("FamilyAccountId", NpgsqlDbType.Uuid), new("LinkedAt", NpgsqlDbType.TimestampTz),
    ];

    private static readonly Column[] ActivityColumns =
    [
        new("Id", NpgsqlDbType.Uuid), new("StructureId", NpgsqlDbType.Uuid), new("Code", NpgsqlDbType.Varchar), new("Name", NpgsqlDbType.Varchar),
        new("Kind", NpgsqlDbType.Varchar), new("DayPart", NpgsqlDbType.Varchar), new("AgeMin", NpgsqlDbType.Integer), new("AgeMax", NpgsqlDbType.Integer),
        new("WalletCode", NpgsqlDbType.Varchar), new("Capacity", NpgsqlDbType.Integer), new("WaitlistSize", NpgsqlDbType.Integer),
        new("ArrivalSlots", NpgsqlDbType.Varchar), new("DepartureSlots", NpgsqlDbType.Varchar), new("BillingMode", NpgsqlDbType.Varchar), new("Weekdays", NpgsqlDbType.Varchar),
    ];

    private static readonly Column[] TariffColumns =
    [
        new("Id", NpgsqlDbType.Uuid), new("StructureId", NpgsqlDbType.Uuid), new("ActivityCode", NpgsqlDbType.Varchar), new("QuotientMin", NpgsqlDbType.Numeric),
        new("QuotientMax", NpgsqlDbType.Numeric), new("UnitPrice", NpgsqlDbType.Numeric), new("Label", NpgsqlDbType.Varchar),
    ];

    internal static readonly Column[] BookingColumns =
    [
        new("Id", NpgsqlDbType.Uuid), new("FamilyAccountId", NpgsqlDbType.Uuid), new("ChildId", NpgsqlDbType.Uuid), new("ActivityId", NpgsqlDbType.Uuid),
        new("Day", NpgsqlDbType.Date), new("Outcome", NpgsqlDbType.Varchar), new("RefusalReason", NpgsqlDbType.Varchar), new("Arrival", NpgsqlDbType.Varchar),
        new("Departure", NpgsqlDbType.Varchar), new("ConfirmationId", NpgsqlDbType.Uuid), new("RequestedAt", NpgsqlDbType.TimestampTz),
    ];

    private static readonly Column[] SlotColumns =
    [
        new("ActivityId", NpgsqlDbType.Uuid), new("Day", NpgsqlDbType.Date), new("Capacity", NpgsqlDbType.Integer), new("WaitlistSize", NpgsqlDbType.Integer),
        new("Taken", NpgsqlDbType.Integer), new("Waitlisted", NpgsqlDbType.Integer),
    ];

    public sealed record LoadResult(int Accounts, int Children, int Activities, int NightlyLines, TimeSpan Elapsed);

    public static async Task<LoadResult> LoadAsync(BenchDb db, CityPlan plan, int nightlyLines, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        var hash = new PasswordHasher<object>().HashPassword(new object(), CityPlan.Password);

        // Accounts: the structure, the family accounts, the current RGPD/CGU consents (else the first sign-in asks for them).
        await db.ExecuteAsync($"INSERT INTO {db.Table("accounts", "structures")} (\"Id\", \"Code\", \"Name\", \"Town\") VALUES (@p0, @p1, @p2, @p3)", ct,
            plan.StructureId, CityPlan.StructureCode, "Grandeville – Éducation Jeunesse", "Grandeville");
        await db.BulkInsertAsync("accounts", "family_accounts", FamilyAccountColumns, plan.Families.Select(f => new object?[]
        {
            f.Id, f.Identifier, hash, f.FirstName, f.LastName, $"{f.Identifier}@exemple.fr", plan.StructureId, false, now,
        }), ct);
        await db.BulkInsertAsync("accounts", "consents", ConsentColumns, plan.Families.SelectMany(f => new[]
        {
            new object?[] { f.Id, "PrivacyNotice", "2024-06", now },
            new object?[] { f.Id, "TermsOfUse", "2024-06", now },
        }), ct);

        // Dossier: children and the account that may book for them.
        await db.BulkInsertAsync("dossier", "children", ChildColumns, plan.Families.SelectMany(f => f.Children.Select(c => new object?[]
        {
            c.Id, f.Id, c.FirstName, f.LastName, c.BirthDate, f.School.Name, Grade(c.BirthDate, plan.StartsOn),
        })), ct);
        await db.BulkInsertAsync("dossier", "child_guardians", GuardianColumns, plan.Families.SelectMany(f => f.Children.Select(c => new object?[] { c.Id, f.Id, now })), ct);

        // Reservations: activities, the period, one closure.
        await db.BulkInsertAsync("reservations", "activities", ActivityColumns, plan.Activities.Select(a => new object?[]
        {
            a.Id, plan.StructureId, a.Code, a.Name, a.Kind, a.DayPart, a.AgeMin, a.AgeMax, a.Wallet, a.Capacity, a.WaitlistSize,
            a.ArrivalSlots, a.DepartureSlots, "OnAttendance", a.Weekdays,
        }), ct);
        await db.ExecuteAsync($"INSERT INTO {db.Table("reservations", "booking_periods")} (\"Id\", \"StructureId\", \"Name\", \"Kind\", \"OpensOn\", \"StartsOn\", \"EndsOn\") " +
                              "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)", ct,
            plan.PeriodId, plan.StructureId, "PÉRIODE BENCH (7 semaines)", "SchoolTime", plan.OpensOn, plan.StartsOn, plan.EndsOn);
        await db.ExecuteAsync($"INSERT INTO {db.Table("reservations", "closures")} (\"Id\", \"StructureId\", \"Day\", \"Kind\", \"Reason\") VALUES (@p0, @p1, @p2, NULL, @p3)", ct,
            plan.ClosureId, plan.StructureId, plan.ClosedOn, "Jour férié");

        // Billing: four quotient brackets per activity.
        decimal?[] bounds = [null, 500m, 800m, 1200m, null];
        await db.BulkInsertAsync("billing", "tariffs", TariffColumns, plan.Activities.SelectMany(a => Enumerable.Range(0, 4).Select(i => new object?[]
        {
            Guid.CreateVersion7(), plan.StructureId, a.Code, bounds[i], bounds[i + 1], 1.20m + i * 0.85m, $"Tranche {i + 1}",
        })), ct);

        var lines = await LoadNightlyLinesAsync(db, plan, nightlyLines, now.AddHours(-2), ct);

        if (db.Kind == BenchDatabase.Postgres) await db.ExecuteAsync("ANALYZE", ct); // what autovacuum would have done by then
        return new LoadResult(plan.Families.Count, plan.ChildCount, plan.Activities.Count, lines, watch.Elapsed);
    }

    /// <summary>
    /// Accepted, not yet transmitted morning or evening care lines (unlimited activities) spread over every
    /// child and the period's school days, with their day slots counting them: what the nightly run transmits.
    /// </summary>
    private static async Task<int> LoadNightlyLinesAsync(BenchDb db, CityPlan plan, int wanted, DateTimeOffset requestedAt, CancellationToken ct)
    {
        if (wanted <= 0) return 0;
        var children = plan.Families.SelectMany(f => f.Children.Select(c => (Family: f, Child: c))).ToList();
        var perChild = wanted / children.Count;
        var extra = wanted % children.Count;
        var days = plan.CareDays;
        var taken = new Dictionary<(Guid, DateOnly), int>();
        var count = 0;

        IEnumerable<object?[]> Rows()
        {
            for (var i = 0; i < children.Count; i++)
            {
                var (family, child) = children[i];
                var n = Math.Min(days.Count, perChild + (i < extra ? 1 : 0));
                var morning = i % 2 == 0;
                var activity = morning ? family.School.MorningCare : family.School.EveningCare;
                var confirmation = Guid.CreateVersion7(requestedAt);
                for (var k = 0; k < n; k++)
                {
                    var day = days[(i + k) % days.Count]; // n ≤ days.Count: distinct days for one child
                    var key = (activity.Id, day);
                    taken[key] = taken.GetValueOrDefault(key) + 1;
                    count++;
                    yield return
                    [
                        Guid.CreateVersion7(requestedAt), family.Id, child.Id, activity.Id, day, "Accepted", null,
                        morning ? "07:30" : null, morning ? null : "17:30", confirmation, requestedAt,
                    ];
                }
            }
        }

        await db.BulkInsertAsync("reservations", "bookings", BookingColumns, Rows(), ct);
        await db.BulkInsertAsync("reservations", "day_slots", SlotColumns,
            taken.Select(t => new object?[] { t.Key.Item1, t.Key.Item2, null, 0, t.Value, 0 }), ct);
        return count;
    }

    private static string Grade(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year - (on < birth.AddYears(on.Year - birth.Year) ? 1 : 0);
        return age switch { <= 3 => "PS", 4 => "MS", 5 => "GS", 6 => "CP", 7 => "CE1", 8 => "CE2", 9 => "CM1", _ => "CM2" };
    }
}
