namespace PortailFamille.Billing.Domain;

/// <summary>
/// What one booking costs the family now, as of its latest attendance mark (or acceptance, for activities charged on
/// booking). Marks arrive as events, in any order and possibly twice: only a mark newer than <see cref="LastMarkAt"/>
/// moves the charge, so the ledger always ends at the price once when the latest mark is consumed, and at zero otherwise.
/// </summary>
internal sealed class BookingCharge
{
    private BookingCharge() { }

    public Guid BookingId { get; private set; }
    public Guid FamilyAccountId { get; private set; }
    public string WalletCode { get; private set; } = "";
    /// <summary>The mark this charge reflects: older marks delivered late change nothing.</summary>
    public DateTimeOffset LastMarkAt { get; private set; }
    /// <summary>Euros currently debited for the booking (0 or its price).</summary>
    public decimal Charged { get; private set; }
    /// <summary>The debit's label, reused by the credit that cancels it.</summary>
    public string Label { get; private set; } = "";
    /// <summary>Concurrency token: two marks of one booking handled at once cannot both move the charge.</summary>
    public int Version { get; private set; }

    public static BookingCharge Start(Guid bookingId, Guid familyAccountId, string walletCode, DateTimeOffset lastMarkAt, decimal charged, string label) => new()
    {
        BookingId = bookingId, FamilyAccountId = familyAccountId, WalletCode = walletCode, LastMarkAt = lastMarkAt, Charged = charged, Label = label,
    };

    /// <summary>False when the mark is not newer than the one already applied: nothing to do.</summary>
    public bool Supersedes(DateTimeOffset markedAt) => markedAt > LastMarkAt;

    /// <summary>The charge as of a newer mark: returns what the ledger must record (negative: a debit, positive: a credit back).</summary>
    public decimal MoveTo(DateTimeOffset markedAt, decimal target, string? label)
    {
        if (!Supersedes(markedAt)) throw new InvalidOperationException("An older mark never moves the charge.");
        var delta = Charged - target;
        LastMarkAt = markedAt;
        Charged = target;
        if (label is not null) Label = label;
        Version++;
        return delta;
    }
}
