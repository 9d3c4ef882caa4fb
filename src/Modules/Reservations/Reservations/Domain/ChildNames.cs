using PortailFamille.Dossier.Contracts;

namespace PortailFamille.Reservations.Domain;

/// <summary>How a child is named on a line: « Amalia DUPONT » for the family, « DUPONT Amalia » on the animators' sheet.</summary>
internal static class ChildNames
{
    /// <summary>A child the dossier no longer lists (unlinked, erased): the line stays, without a name.</summary>
    public const string Unknown = "Enfant";

    public static string FirstLast(IReadOnlyDictionary<Guid, ChildView> children, Guid childId) =>
        children.TryGetValue(childId, out var c) ? $"{c.FirstName} {c.LastName}" : Unknown;

    public static string LastFirst(IReadOnlyDictionary<Guid, ChildView> children, Guid childId) =>
        children.TryGetValue(childId, out var c) ? $"{c.LastName} {c.FirstName}" : Unknown;
}
