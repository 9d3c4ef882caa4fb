using PortailFamille.Billing.Contracts;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Billing.Domain;

/// <summary>
/// A card payment ("Paiement CB"): created Pending when the parent validates the amounts, Paid only
/// from a verified provider event. Only amounts and dates are kept — never card data.
/// </summary>
internal sealed class CardPayment
{
    /// <summary>Above this total a card payment is refused (plafond du paiement en ligne).</summary>
    public const decimal MaximumTotal = 2000m;

    private readonly List<CardPaymentLine> _lines = [];

    private CardPayment() { }

    public Guid Id { get; private set; }
    public Guid FamilyAccountId { get; private set; }
    public CardPaymentStatus Status { get; private set; }
    public PaymentGatewayKind Gateway { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? PaidAt { get; private set; }
    /// <summary>Stripe Checkout session id, or the test gateway's reference; set once the provider's page is opened.</summary>
    public string? ProviderReference { get; private set; }
    /// <summary>The provider event that credited the payment.</summary>
    public string? PaidByEventId { get; private set; }
    /// <summary>The account holder, as the payments history shows the payer.</summary>
    public string PayerName { get; private set; } = "";
    public decimal Total { get; private set; }
    /// <summary>Concurrency token: two deliveries cannot both move the payment to Paid.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<CardPaymentLine> Lines => _lines;

    /// <summary>The reference printed on receipts and histories: the end of the provider reference.</summary>
    public string Reference => ShortReference(ProviderReference ?? Id.ToString("N"));

    public static string ShortReference(string providerReference) =>
        providerReference.Length <= 12 ? providerReference : providerReference[^12..];

    /// <summary>
    /// Checks the amounts the parent validated against what is owed: each at least the amount owed on
    /// its wallet (editable upwards only, to pay in advance), 2 decimals, total above 0 and at most
    /// <see cref="MaximumTotal"/>. Wallets paid 0 are left out of the payment.
    /// </summary>
    public static Result<CardPayment> Start(Guid id, Guid familyAccountId, PaymentGatewayKind gateway, IReadOnlyList<WalletAmount> requested,
        IReadOnlyList<WalletAmount> owed, string payerName, DateTimeOffset createdAt)
    {
        var fields = new Dictionary<string, string[]>();
        Error? first = null;
        void Refuse(string field, Error error)
        {
            first ??= error;
            fields[field] = fields.TryGetValue(field, out var messages) ? [.. messages, error.Message] : [error.Message];
        }

        var owedByWallet = owed.ToDictionary(o => o.WalletCode, o => o.Amount, StringComparer.Ordinal);
        foreach (var group in requested.GroupBy(r => r.WalletCode, StringComparer.Ordinal).Where(g => g.Count() > 1))
            Refuse(group.Key, BillingErrors.DuplicateWallet(group.Key));
        foreach (var line in requested)
        {
            if (!owedByWallet.ContainsKey(line.WalletCode)) Refuse(line.WalletCode, BillingErrors.UnknownWallet(line.WalletCode));
            else if (line.Amount < 0) Refuse(line.WalletCode, BillingErrors.NegativeAmount(line.WalletCode));
            else if (decimal.Round(line.Amount, 2) != line.Amount) Refuse(line.WalletCode, BillingErrors.TooManyDecimals(line.WalletCode));
        }

        // Sums of what was typed, each amount bounded first: an amount near decimal.MaxValue is refused, never an overflow.
        static decimal Bounded(decimal amount) => Math.Clamp(amount, -1m, MaximumTotal + 1m);
        foreach (var (wallet, amountOwed) in owedByWallet)
        {
            var paid = requested.Where(r => r.WalletCode == wallet).Sum(r => Bounded(r.Amount));
            if (paid < amountOwed) Refuse(wallet, BillingErrors.BelowOwed(wallet, amountOwed));
        }

        var total = requested.Sum(r => Bounded(r.Amount));
        if (first is null && total <= 0) Refuse("Total", BillingErrors.NothingToPay);
        if (total > MaximumTotal) Refuse("Total", BillingErrors.AboveMaximum);
        if (first is not null) return first with { Fields = fields };

        var payment = new CardPayment
        {
            Id = id,
            FamilyAccountId = familyAccountId,
            Status = CardPaymentStatus.Pending,
            Gateway = gateway,
            CreatedAt = createdAt,
            PayerName = payerName,
            Total = total,
        };
        foreach (var line in requested.Where(r => r.Amount > 0).OrderBy(r => r.WalletCode, StringComparer.Ordinal))
            payment._lines.Add(new CardPaymentLine(Guid.CreateVersion7(createdAt), id, line.WalletCode, line.Amount));
        return payment;
    }

    public void AttachProviderReference(string providerReference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerReference);
        if (ProviderReference is not null && ProviderReference != providerReference)
            throw new InvalidOperationException("A card payment has one provider reference.");
        ProviderReference = providerReference;
    }

    /// <summary>
    /// Money was taken (a verified provider event): Paid, even after a cancellation — the parent may have
    /// gone back to the provider's page. False when it was already paid: a replay changes nothing.
    /// </summary>
    public bool MarkPaid(string eventId, DateTimeOffset paidAt)
    {
        if (Status == CardPaymentStatus.Paid) return false;
        Status = CardPaymentStatus.Paid;
        PaidAt = paidAt;
        PaidByEventId = eventId;
        Version++;
        return true;
    }

    /// <summary>
    /// What a provider says it took, checked before any credit: euros, and amount_total equal to
    /// <see cref="Total"/> to the cent. Null when it matches, else why it does not.
    /// </summary>
    public PaymentAnomalyReason? CheckReceived(long? amountTotalMinor, string? currency)
    {
        if (!string.Equals(currency, PaymentAnomaly.ExpectedCurrency, StringComparison.OrdinalIgnoreCase)) return PaymentAnomalyReason.WrongCurrency;
        if (amountTotalMinor is not { } cents) return PaymentAnomalyReason.MissingAmount;
        return cents == decimal.Round(Total * 100m, 0, MidpointRounding.AwayFromZero) ? null : PaymentAnomalyReason.AmountMismatch;
    }

    /// <summary>The parent gave up (or the provider's page expired): only a pending payment is cancelled.</summary>
    public bool Cancel()
    {
        if (Status != CardPaymentStatus.Pending) return false;
        Status = CardPaymentStatus.Cancelled;
        Version++;
        return true;
    }

    public CardPaymentView ToView() => new(Id, Status, Gateway, ProviderReference, Reference, CreatedAt, PaidAt,
        _lines.Select(l => new WalletAmount(l.WalletCode, l.Amount)).ToList(), Total);
}

/// <summary>The amount paid into one wallet.</summary>
internal sealed class CardPaymentLine
{
    private CardPaymentLine() { }

    public CardPaymentLine(Guid id, Guid cardPaymentId, string walletCode, decimal amount)
    {
        Id = id;
        CardPaymentId = cardPaymentId;
        WalletCode = walletCode;
        Amount = amount;
    }

    public Guid Id { get; private set; }
    public Guid CardPaymentId { get; private set; }
    public string WalletCode { get; private set; } = "";
    /// <summary>Euros, 2 decimals, positive.</summary>
    public decimal Amount { get; private set; }
}

internal static class AmountsOwed
{
    /// <summary>max(0, −balance), rounded up to the cent: paying it brings the wallet back to zero or above.</summary>
    public static decimal From(decimal balance) =>
        balance >= 0 ? 0m : decimal.Ceiling(-balance * 100m) / 100m;
}
