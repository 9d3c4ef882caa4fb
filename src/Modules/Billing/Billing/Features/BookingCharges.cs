using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Domain;
using PortailFamille.Billing.Persistence;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Billing.Features;

/// <summary>
/// Moves a booking's charge to what its mark says (the price, or nothing), whatever the order in which the marks'
/// events arrive and however many Workers handle them at once: the newest mark wins, each move is one ledger entry
/// whose source is unique, and the charge row's concurrency token makes two moves of one booking happen one after
/// the other (the later is computed again from the first's result).
/// </summary>
internal static class BookingCharges
{
    private const int Attempts = 5;

    public static async Task<Result> ApplyAsync(BillingDbContext db, TimeProvider clock, Guid bookingId, Guid familyAccountId, string walletCode, DateOnly day,
        DateTimeOffset markedAt, Func<CancellationToken, Task<(decimal UnitPrice, string Label)>>? price, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await MoveAsync(db, clock, bookingId, familyAccountId, walletCode, day, markedAt, price, ct);
                return Result.Success();
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear(); // another mark of this booking (or the same event, delivered twice) moved it first: read again
            }
        }
    }

    private static async Task MoveAsync(BillingDbContext db, TimeProvider clock, Guid bookingId, Guid familyAccountId, string walletCode, DateOnly day,
        DateTimeOffset markedAt, Func<CancellationToken, Task<(decimal UnitPrice, string Label)>>? price, CancellationToken ct)
    {
        var charge = await db.BookingCharges.SingleOrDefaultAsync(c => c.BookingId == bookingId, ct) ?? await FromLedgerAsync(db, bookingId, familyAccountId, walletCode, ct);
        if (charge is not null && !charge.Supersedes(markedAt)) return; // a newer mark was applied already: this one is history

        var (target, label) = price is null ? (0m, (string?)null) : charge is { Charged: > 0 } ? (charge.Charged, null) : await price(ct);
        if (charge is null)
        {
            charge = BookingCharge.Start(bookingId, familyAccountId, walletCode, DateTimeOffset.MinValue, 0m, label ?? "");
            db.BookingCharges.Add(charge); // the key is the booking: a concurrent first mark fails the insert and is read again
        }
        else if (db.Entry(charge).State == EntityState.Detached)
        {
            db.BookingCharges.Add(charge); // rebuilt from a ledger written before charges were kept
        }

        var previousLabel = charge.Label;
        var delta = charge.MoveTo(markedAt, target, label);
        if (delta != 0)
        {
            var wallet = await Wallets.OpenAsync(db, familyAccountId, walletCode, clock, ct);
            var now = clock.GetUtcNow();
            db.LedgerEntries.Add(delta < 0
                ? LedgerEntry.Debit(Guid.CreateVersion7(now), wallet.Id, LedgerEntryKind.Consumption, delta, day, now, charge.Label, $"consumption:{bookingId:N}:{markedAt.UtcTicks}")
                : LedgerEntry.Debit(Guid.CreateVersion7(now), wallet.Id, LedgerEntryKind.Correction, delta, day, now, $"Absence excusée — {previousLabel}", $"withdrawal:{bookingId:N}:{markedAt.UtcTicks}"));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A booking charged before charges were kept: its state is what the ledger says (its sources carry the marks).</summary>
    private static async Task<BookingCharge?> FromLedgerAsync(BillingDbContext db, Guid bookingId, Guid familyAccountId, string walletCode, CancellationToken ct)
    {
        var (consumption, withdrawal) = ($"consumption:{bookingId:N}:", $"withdrawal:{bookingId:N}:");
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.SourceId != null && (e.SourceId.StartsWith(consumption) || e.SourceId.StartsWith(withdrawal)))
            .Select(e => new { e.SourceId, e.Amount, e.Label, e.Kind }).ToListAsync(ct);
        if (entries.Count == 0) return null;
        var last = entries.Max(e => long.Parse(e.SourceId!.Split(':')[2], System.Globalization.CultureInfo.InvariantCulture));
        var label = entries.FirstOrDefault(e => e.Kind == LedgerEntryKind.Consumption)?.Label ?? "";
        return BookingCharge.Start(bookingId, familyAccountId, walletCode, new DateTimeOffset(last, TimeSpan.Zero), -entries.Sum(e => e.Amount), label);
    }
}
