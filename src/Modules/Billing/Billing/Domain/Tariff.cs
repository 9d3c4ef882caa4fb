namespace PortailFamille.Billing.Domain;

/// <summary>
/// One quotient bracket of an activity's tariff table: ]<see cref="QuotientMin"/>, <see cref="QuotientMax"/>]
/// (a quotient on a boundary belongs to the bracket it closes; null bounds are open).
/// </summary>
internal sealed class Tariff
{
    private Tariff() { }

    public Guid Id { get; private set; }
    public Guid StructureId { get; private set; }
    public string ActivityCode { get; private set; } = "";
    /// <summary>Exclusive lower bound (the previous bracket's maximum); null for the first bracket.</summary>
    public decimal? QuotientMin { get; private set; }
    /// <summary>Inclusive upper bound; null for the last bracket.</summary>
    public decimal? QuotientMax { get; private set; }
    /// <summary>Euros, 2 decimals, positive.</summary>
    public decimal UnitPrice { get; private set; }
    /// <summary>What families read, e.g. « QF 0 à 500 € ».</summary>
    public string Label { get; private set; } = "";

    public static Tariff Define(Guid id, Guid structureId, string activityCode, decimal? quotientMin, decimal? quotientMax, decimal unitPrice, string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(activityCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        if (unitPrice <= 0) throw new ArgumentOutOfRangeException(nameof(unitPrice), "A tariff costs a positive amount.");
        if (decimal.Round(unitPrice, 2) != unitPrice) throw new ArgumentException("Amounts are in euros with 2 decimals.", nameof(unitPrice));
        if (quotientMin is { } min && decimal.Round(min, 2) != min) throw new ArgumentException("Quotients have 2 decimals.", nameof(quotientMin));
        if (quotientMax is { } max && decimal.Round(max, 2) != max) throw new ArgumentException("Quotients have 2 decimals.", nameof(quotientMax));
        if (quotientMin >= quotientMax) throw new ArgumentException("A bracket's lower bound is below its upper bound.", nameof(quotientMax));
        return new Tariff
        {
            Id = id,
            StructureId = structureId,
            ActivityCode = activityCode,
            QuotientMin = quotientMin,
            QuotientMax = quotientMax,
            UnitPrice = unitPrice,
            Label = label,
        };
    }

    public bool Covers(decimal quotient) =>
        (QuotientMin is null || quotient > QuotientMin) && (QuotientMax is null || quotient <= QuotientMax);
}

/// <summary>The price applied to a booking and the French label of the bracket it comes from.</summary>
internal sealed record AppliedTariff(decimal UnitPrice, string Bracket, Tariff? Tariff);

internal static class TariffBrackets
{
    public const string MaximumLabel = "Tarif maximal";
    public const string UndefinedLabel = "Tarif non défini";

    /// <summary>
    /// Chooses the bracket of an activity for a family's quotient. No quotient known → the maximum
    /// tariff (guide nouveaux élèves 2024: « le tarif maximal sera appliqué »); no bracket at all →
    /// 0 € « Tarif non défini », for the caller to report.
    /// </summary>
    public static AppliedTariff Choose(IEnumerable<Tariff> brackets, decimal? quotient)
    {
        var table = brackets.ToList();
        if (table.Count == 0) return new AppliedTariff(0m, UndefinedLabel, null);

        if (quotient is { } q)
        {
            // Several brackets can only cover one quotient in a misconfigured table: the lowest one wins.
            var bracket = table
                .Where(t => t.Covers(q))
                .OrderBy(t => t.QuotientMax ?? decimal.MaxValue)
                .FirstOrDefault();
            if (bracket is not null) return new AppliedTariff(bracket.UnitPrice, bracket.Label, bracket);
        }

        // A quotient outside every bracket (a gap in the table) is treated as unknown: maximum tariff.
        var maximum = table
            .OrderByDescending(t => t.UnitPrice)
            .ThenByDescending(t => t.QuotientMax ?? decimal.MaxValue)
            .First();
        return new AppliedTariff(maximum.UnitPrice, MaximumLabel, maximum);
    }
}
