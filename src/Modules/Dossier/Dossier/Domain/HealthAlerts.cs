using PortailFamille.Dossier.Contracts;

namespace PortailFamille.Dossier.Domain;

/// <summary>Which children the animators' health list names.</summary>
internal static class HealthAlerts
{
    /// <summary>A PAI, an allergy, a diet or a pathology on the fiche Santé: the child is on the list.</summary>
    public static bool Concerns(HealthDetails health) =>
        health.HasPai || health.Allergies is not null || health.DietaryNeeds is not null || health.Pathologies is not null;
}
