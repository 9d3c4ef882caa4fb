using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;
using PortailFamille.Billing.Persistence;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Billing.Features;

/// <summary>Debits a consumed day at the family's tariff, once per attendance mark (replays change nothing).</summary>
internal sealed record DebitConsumption(ConsumptionRecorded Fact) : ICommand<Result>;

internal sealed class DebitConsumptionHandler(BillingDbContext db, ISender sender, TimeProvider clock) : ICommandHandler<DebitConsumption, Result>
{
    public async ValueTask<Result> Handle(DebitConsumption command, CancellationToken cancellationToken)
    {
        var fact = command.Fact;
        var source = $"consumption:{fact.BookingId:N}:{fact.MarkedAt.UtcTicks}";
        if (await db.LedgerEntries.AnyAsync(e => e.SourceId == source, cancellationToken)) return Result.Success();

        var price = (await sender.Send(new PriceBookings(fact.FamilyAccountId, [new BookingToPrice(fact.BookingId, fact.StructureId, fact.ActivityCode, fact.Day)]), cancellationToken)).Single();
        var wallet = await Wallets.OpenAsync(db, fact.FamilyAccountId, fact.WalletCode, clock, cancellationToken);
        var child = (await sender.Send(new PortailFamille.Dossier.Contracts.GetChildrenByIds([fact.ChildId]), cancellationToken)).SingleOrDefault();
        var label = child is null ? fact.ActivityName : $"{fact.ActivityName}{LedgerEntry.ConsumerSeparator}{child.LastName} {child.FirstName}";
        if (price.UnitPrice > 0)
            db.LedgerEntries.Add(LedgerEntry.Debit(Guid.CreateVersion7(clock.GetUtcNow()), wallet.Id, LedgerEntryKind.Consumption, -price.UnitPrice, fact.Day,
                clock.GetUtcNow(), label, source));
        return await Ledger.SaveOnceAsync(db, source, cancellationToken);
    }
}

/// <summary>Credits back a consumed day marked excused afterwards.</summary>
internal sealed record CreditWithdrawnConsumption(ConsumptionWithdrawn Fact) : ICommand<Result>;

internal sealed class CreditWithdrawnConsumptionHandler(BillingDbContext db, TimeProvider clock) : ICommandHandler<CreditWithdrawnConsumption, Result>
{
    public async ValueTask<Result> Handle(CreditWithdrawnConsumption command, CancellationToken cancellationToken)
    {
        var fact = command.Fact;
        var source = $"withdrawal:{fact.BookingId:N}:{fact.MarkedAt.UtcTicks}";
        if (await db.LedgerEntries.AnyAsync(e => e.SourceId == source, cancellationToken)) return Result.Success();
        var prefix = $"consumption:{fact.BookingId:N}:";
        // What the booking has cost so far, net of earlier withdrawals: the credit brings it back to zero.
        var entries = await db.LedgerEntries.Where(e => e.SourceId != null && (e.SourceId.StartsWith(prefix) || e.SourceId.StartsWith($"withdrawal:{fact.BookingId:N}:")))
            .Select(e => new { e.WalletId, e.Amount, e.Label }).ToListAsync(cancellationToken);
        var net = entries.Sum(e => e.Amount);
        if (net >= 0 || entries.Count == 0) return Result.Success();
        db.LedgerEntries.Add(LedgerEntry.Debit(Guid.CreateVersion7(clock.GetUtcNow()), entries[0].WalletId, LedgerEntryKind.Correction, -net, fact.Day,
            clock.GetUtcNow(), $"Absence excusée — {entries[0].Label}", source));
        return await Ledger.SaveOnceAsync(db, source, cancellationToken);
    }
}

internal static class Ledger
{
    /// <summary>Saves; a concurrent delivery of the same fact already wrote it (unique source id): that is success.</summary>
    public static async Task<Result> SaveOnceAsync(BillingDbContext db, string source, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.LedgerEntries.AnyAsync(e => e.SourceId == source, ct)) throw;
        }

        return Result.Success();
    }
}

internal static class Wallets
{
    public static async Task<Wallet> OpenAsync(BillingDbContext db, Guid familyAccountId, string code, TimeProvider clock, CancellationToken ct)
    {
        var wallet = await db.Wallets.SingleOrDefaultAsync(w => w.FamilyAccountId == familyAccountId && w.Code == code, ct);
        if (wallet is not null) return wallet;
        wallet = Wallet.Open(Guid.CreateVersion7(clock.GetUtcNow()), familyAccountId, code, code);
        db.Wallets.Add(wallet);
        return wallet;
    }
}

/// <summary>Wolverine adapters (public), run in the Worker.</summary>
public static class ConsumptionRecordedHandler
{
    public static async Task Handle(ConsumptionRecorded message, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new DebitConsumption(message), cancellationToken)).ThrowIfFailure();
}

public static class ConsumptionWithdrawnHandler
{
    public static async Task Handle(ConsumptionWithdrawn message, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new CreditWithdrawnConsumption(message), cancellationToken)).ThrowIfFailure();
}
