using Mediator;

namespace PortailFamille.Billing.Contracts;

public enum PaymentMode
{
    Card,
    Cheque,
    Cash,
    DirectDebit,
    Transfer,
}

/// <summary>Each porte-monnaie of a family with its balance (sum of its ledger entries).</summary>
public sealed record GetWalletBalances(Guid FamilyAccountId) : IQuery<IReadOnlyList<WalletBalanceView>>;

public sealed record WalletBalanceView(Guid WalletId, string Code, string Label, decimal Balance);

/// <summary>Historique des règlements of one month.</summary>
public sealed record ListPayments(Guid FamilyAccountId, int Year, int Month) : IQuery<IReadOnlyList<PaymentView>>;

public sealed record PaymentView(DateOnly ReceivedOn, PaymentMode Mode, string? PieceNumber, string PayerName, string? BankName, string WalletCode, decimal Amount);
