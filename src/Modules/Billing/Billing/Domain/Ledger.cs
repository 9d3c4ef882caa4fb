using PortailFamille.Billing.Contracts;

namespace PortailFamille.Billing.Domain;

/// <summary>Porte-monnaie: one per group of services; its balance is the sum of its entries.</summary>
internal sealed class Wallet
{
    private Wallet() { }

    public Guid Id { get; private set; }
    public Guid FamilyAccountId { get; private set; }
    public string Code { get; private set; } = "";
    public string Label { get; private set; } = "";

    public static Wallet Open(Guid id, Guid familyAccountId, string code, string label) =>
        new() { Id = id, FamilyAccountId = familyAccountId, Code = code, Label = label };
}

internal enum LedgerEntryKind
{
    Payment,
    Consumption,
    Correction,
}

/// <summary>Append-only: an entry is never edited nor deleted; a correction is a new entry.</summary>
internal sealed class LedgerEntry
{
    /// <summary>Consumption labels read "ACTIVITÉ — Prénom NOM": the history splits them at this separator.</summary>
    public const string ConsumerSeparator = " — ";

    private LedgerEntry() { }

    public Guid Id { get; private set; }
    public Guid WalletId { get; private set; }
    public LedgerEntryKind Kind { get; private set; }
    /// <summary>Euros, 2 decimals; a credit is positive, a debit negative.</summary>
    public decimal Amount { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public DateOnly ValueDate { get; private set; }
    public string Label { get; private set; } = "";
    public PaymentMode? PaymentMode { get; private set; }
    public string? PieceNumber { get; private set; }
    public string? PayerName { get; private set; }
    public string? BankName { get; private set; }
    /// <summary>The fact this entry records ("consumption:{booking}:{mark}"): unique, so a replayed event debits once.</summary>
    public string? SourceId { get; private set; }

    /// <summary>A debit for what was consumed (or, for a correction, any signed amount): never edits an entry.</summary>
    public static LedgerEntry Debit(Guid id, Guid walletId, LedgerEntryKind kind, decimal amount, DateOnly valueDate, DateTimeOffset recordedAt, string label, string? sourceId = null)
    {
        if (kind == LedgerEntryKind.Payment) throw new ArgumentException("Use Payment for a payment.", nameof(kind));
        if (amount >= 0 && kind == LedgerEntryKind.Consumption) throw new ArgumentOutOfRangeException(nameof(amount), "A consumption debits a negative amount.");
        if (decimal.Round(amount, 2) != amount) throw new ArgumentException("Amounts are in euros with 2 decimals.", nameof(amount));
        return new LedgerEntry { Id = id, WalletId = walletId, Kind = kind, Amount = amount, ValueDate = valueDate, RecordedAt = recordedAt, Label = label, SourceId = sourceId };
    }

    public static LedgerEntry Payment(Guid id, Guid walletId, decimal amount, DateOnly receivedOn, DateTimeOffset recordedAt,
        PaymentMode mode, string? pieceNumber, string payerName, string? bankName, string label = "Règlement", string? sourceId = null)
    {
        if (amount <= 0) throw new ArgumentOutOfRangeException(nameof(amount), "A payment credits a positive amount.");
        if (decimal.Round(amount, 2) != amount) throw new ArgumentException("Amounts are in euros with 2 decimals.", nameof(amount));
        return new LedgerEntry
        {
            Id = id,
            WalletId = walletId,
            Kind = LedgerEntryKind.Payment,
            Amount = amount,
            ValueDate = receivedOn,
            RecordedAt = recordedAt,
            Label = label,
            SourceId = sourceId,
            PaymentMode = mode,
            PieceNumber = pieceNumber,
            PayerName = payerName,
            BankName = bankName,
        };
    }
}
