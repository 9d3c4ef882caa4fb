using Mediator;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Billing.Contracts;

/// <summary>"Solde et paiements": per wallet the balance, the estimated cost of bookings not yet debited up to a day, the new balance.</summary>
public sealed record GetBalanceEstimate(Guid FamilyAccountId, DateOnly UpTo) : IQuery<BalanceEstimate>;

public sealed record BalanceEstimate(DateOnly UpTo, IReadOnlyList<WalletEstimate> Wallets)
{
    public decimal Credit => Wallets.Sum(w => w.Balance);
    public decimal BookingsCost => Wallets.Sum(w => w.EstimatedCost);
    public decimal EstimatedBalance => Credit - BookingsCost;
}

public sealed record WalletEstimate(string Code, string Label, decimal Balance, decimal EstimatedCost, int Bookings)
{
    public decimal NewBalance => Balance - EstimatedCost;
}

/// <summary>Historique des consommations of one month (date, consommateur, activité, prix, quantité, total).</summary>
public sealed record ListConsumptions(Guid FamilyAccountId, int Year, int Month) : IQuery<IReadOnlyList<ConsumptionView>>;

public sealed record ConsumptionView(DateOnly Day, string Consumer, string Activity, decimal UnitPrice, int Quantity, decimal Total, string WalletCode);

/// <summary>Régie: a cheque, cash or transfer payment received at the town hall.</summary>
public sealed record RecordCashierPayment(string StaffName, Guid FamilyAccountId, string WalletCode, PaymentMode Mode, decimal Amount, DateOnly ReceivedOn,
    string? PieceNumber, string PayerName, string? BankName) : ICommand<Result<Guid>>;

/// <summary>
/// Régie: the wallet codes a payment of this family may credit (those of its structure's activities and those
/// it already has), ordered; empty for an unknown family. <see cref="RecordCashierPayment"/> refuses any other
/// (billing.unknown_wallet) and an unknown family (billing.family_not_found).
/// </summary>
public sealed record ListPayableWallets(Guid FamilyAccountId) : IQuery<IReadOnlyList<string>>;

/// <summary>Every entry of a family's wallets, newest first, with the running balance.</summary>
public sealed record GetLedger(Guid FamilyAccountId) : IQuery<IReadOnlyList<LedgerLine>>;

public sealed record LedgerLine(DateOnly ValueDate, DateTimeOffset RecordedAt, string WalletCode, string Kind, string Label, PaymentMode? Mode, string? PieceNumber, decimal Amount, decimal BalanceAfter);

/// <summary>Payments received on a day, all families: the régie's daily takings.</summary>
public sealed record GetDailyTakings(DateOnly Day) : IQuery<IReadOnlyList<TakingLine>>;

public sealed record TakingLine(Guid FamilyAccountId, string WalletCode, PaymentMode Mode, string? PieceNumber, string PayerName, string? BankName, decimal Amount);

/// <summary>Families with at least one wallet in debit.</summary>
public sealed record ListDebtors : IQuery<IReadOnlyList<DebtorLine>>;

public sealed record DebtorLine(Guid FamilyAccountId, IReadOnlyList<string> DebitWallets, decimal TotalBalance);
