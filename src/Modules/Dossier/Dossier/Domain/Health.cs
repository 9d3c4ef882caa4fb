namespace PortailFamille.Dossier.Domain;

/// <summary>The health facts of a child that the day sheets show (from the fiche Santé).</summary>
internal sealed class ChildHealth
{
    private ChildHealth() { }

    public Guid ChildId { get; private set; }
    public bool HasPai { get; private set; }
    public string? Allergies { get; private set; }
    public string? DietaryNeeds { get; private set; }

    public static ChildHealth Record(Guid childId, bool hasPai, string? allergies, string? dietaryNeeds) =>
        new() { ChildId = childId, HasPai = hasPai, Allergies = allergies, DietaryNeeds = dietaryNeeds };

    /// <summary>From a validated fiche Santé.</summary>
    public void Update(bool hasPai, string? allergies, string? dietaryNeeds)
    {
        HasPai = hasPai;
        Allergies = allergies;
        DietaryNeeds = dietaryNeeds;
    }
}
