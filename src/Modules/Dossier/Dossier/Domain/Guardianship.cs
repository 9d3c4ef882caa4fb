namespace PortailFamille.Dossier.Domain;

/// <summary>
/// A family account that may see and book for a child. Separated parents each have their own account
/// linked to the same children.
/// </summary>
internal sealed class ChildGuardian
{
    private ChildGuardian() { }

    public Guid ChildId { get; private set; }
    public Guid FamilyAccountId { get; private set; }
    public DateTimeOffset LinkedAt { get; private set; }

    public static ChildGuardian Link(Guid childId, Guid familyAccountId, DateTimeOffset now) =>
        new() { ChildId = childId, FamilyAccountId = familyAccountId, LinkedAt = now };
}

/// <summary>The règlement intérieur signed for one child and one school year.</summary>
internal sealed class InternalRulesSignature
{
    private InternalRulesSignature() { }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid FamilyAccountId { get; private set; }
    public string SchoolYear { get; private set; } = "";
    public string SignerName { get; private set; } = "";
    public string Place { get; private set; } = "";
    public DateTimeOffset SignedAt { get; private set; }

    public static InternalRulesSignature Sign(Guid childId, Guid familyAccountId, string schoolYear, string signerName, string place, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ChildId = childId,
        FamilyAccountId = familyAccountId,
        SchoolYear = schoolYear,
        SignerName = signerName.Trim(),
        Place = place.Trim(),
        SignedAt = now,
    };
}

internal static class SchoolYear
{
    /// <summary>The yearly campaign opens in June for the school year starting in September ("2024-2025" from 1 June 2024).</summary>
    public static string Of(DateOnly day) => day.Month >= 6 ? $"{day.Year}-{day.Year + 1}" : $"{day.Year - 1}-{day.Year}";
}
