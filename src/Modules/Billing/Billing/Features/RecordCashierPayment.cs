using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;
using PortailFamille.Billing.Persistence;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Billing.Features;

internal sealed class RecordCashierPaymentValidator : AbstractValidator<RecordCashierPayment>
{
    public RecordCashierPaymentValidator()
    {
        RuleFor(x => x.Amount).GreaterThan(0).WithMessage("Le montant doit être positif.")
            .LessThanOrEqualTo(10_000).WithMessage("Un règlement ne peut dépasser 10 000 €.")
            .Must(a => decimal.Round(a, 2) == a).WithMessage("Le montant s'exprime en euros et centimes (2 décimales au plus).");
        RuleFor(x => x.Mode).Must(m => m is PaymentMode.Cheque or PaymentMode.Cash or PaymentMode.Transfer)
            .WithMessage("La régie enregistre les chèques, les espèces et les virements ; la carte passe par le paiement en ligne.");
        RuleFor(x => x.PieceNumber).NotEmpty().When(x => x.Mode == PaymentMode.Cheque).WithMessage("Indiquez le numéro du chèque.");
        RuleFor(x => x.PayerName).Must(p => !string.IsNullOrWhiteSpace(p)).WithMessage("Indiquez le nom du payeur.").MaximumLength(200).WithMessage("Le nom du payeur est trop long.");
        RuleFor(x => x.WalletCode).NotEmpty().WithMessage("Choisissez le porte-monnaie crédité.");
        RuleFor(x => x.StaffName).NotEmpty().WithMessage("L'agent de la régie est inconnu.");
    }
}

internal sealed class RecordCashierPaymentHandler(BillingDbContext db, IFamilyWalletCatalog catalog, TimeProvider clock) : ICommandHandler<RecordCashierPayment, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(RecordCashierPayment command, CancellationToken cancellationToken)
    {
        var code = PayableWallets.Normalise(command.WalletCode);
        var payable = await PayableWallets.OfFamilyAsync(db, catalog, command.FamilyAccountId, cancellationToken);
        if (payable is null) return BillingErrors.FamilyNotFound;
        if (!payable.Contains(code)) return BillingErrors.CashierUnknownWallet;

        var wallet = await Wallets.OpenAsync(db, command.FamilyAccountId, code, clock, cancellationToken);
        var now = clock.GetUtcNow();
        var entry = LedgerEntry.Payment(Guid.CreateVersion7(now), wallet.Id, command.Amount, command.ReceivedOn, now, command.Mode,
            string.IsNullOrWhiteSpace(command.PieceNumber) ? null : command.PieceNumber.Trim(), command.PayerName.Trim(),
            string.IsNullOrWhiteSpace(command.BankName) ? null : command.BankName.Trim(), $"Règlement enregistré par {command.StaffName}");
        db.LedgerEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry.Id;
    }
}

internal sealed class ListPayableWalletsHandler(BillingDbContext db, IFamilyWalletCatalog catalog) : IQueryHandler<ListPayableWallets, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(ListPayableWallets query, CancellationToken cancellationToken) =>
        (await PayableWallets.OfFamilyAsync(db, catalog, query.FamilyAccountId, cancellationToken))?.Order(StringComparer.Ordinal).ToList() ?? [];
}

internal static class PayableWallets
{
    public static string Normalise(string walletCode) => walletCode.Trim().ToUpperInvariant();

    /// <summary>
    /// The wallets the régie may credit: those the activities of the family's structure are paid from (a new
    /// family prepays before its first consumption), and those the family already has (a day consumed in
    /// another structure). Null when the family does not exist.
    /// </summary>
    public static async Task<IReadOnlySet<string>?> OfFamilyAsync(BillingDbContext db, IFamilyWalletCatalog catalog, Guid familyAccountId, CancellationToken ct)
    {
        if (await catalog.OfFamilyAsync(familyAccountId, ct) is not { } family) return null;
        var held = await db.Wallets.AsNoTracking().Where(w => w.FamilyAccountId == familyAccountId).Select(w => w.Code).ToListAsync(ct);
        return family.StructureWalletCodes.Union(held, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
    }
}

/// <summary>The family's structure and the wallet codes its activities are paid from; null when no such family exists.</summary>
internal sealed record FamilyWallets(Guid StructureId, IReadOnlySet<string> StructureWalletCodes);

/// <summary>Which family exists, in which structure, with which wallets: asked to the modules that own them.</summary>
internal interface IFamilyWalletCatalog
{
    Task<FamilyWallets?> OfFamilyAsync(Guid familyAccountId, CancellationToken cancellationToken);
}

/// <summary>
/// Accounts owns families and their structure, Reservations the activities and the wallet each one is
/// paid from (<see cref="ActivityView.WalletCode"/>): both asked through their contracts, never their tables.
/// </summary>
internal sealed class ContractFamilyWalletCatalog(ISender sender) : IFamilyWalletCatalog
{
    public async Task<FamilyWallets?> OfFamilyAsync(Guid familyAccountId, CancellationToken cancellationToken)
    {
        if (await sender.Send(new GetFamilyAccount(familyAccountId), cancellationToken) is not { } family) return null;
        var activities = await sender.Send(new ListActivities(family.StructureId), cancellationToken);
        return new FamilyWallets(family.StructureId, activities.Select(a => a.WalletCode).ToHashSet(StringComparer.Ordinal));
    }
}
