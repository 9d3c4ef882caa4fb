using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;
using PortailFamille.Billing.Persistence;
using PortailFamille.BuildingBlocks.Results;

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
