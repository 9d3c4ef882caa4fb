using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;

namespace PortailFamille.Dossier.Tests.Domain;

/// <summary>The animators' health list: who is on it is the Dossier module's decision.</summary>
public sealed class HealthAlertsTests
{
    private static HealthDetails Health(bool pai = false, string? allergies = null, string? diet = null, string? pathologies = null,
        string? doctor = null, string? recommendations = null) =>
        new(Guid.NewGuid(), pai, allergies, diet, pathologies, doctor, null, recommendations);

    [Fact]
    public void A_child_with_a_pai_an_allergy_a_diet_or_a_pathology_is_on_the_list()
    {
        Assert.True(HealthAlerts.Concerns(Health(pai: true)));
        Assert.True(HealthAlerts.Concerns(Health(allergies: "arachide")));
        Assert.True(HealthAlerts.Concerns(Health(diet: "sans porc")));
        Assert.True(HealthAlerts.Concerns(Health(pathologies: "asthme")));
    }

    [Fact]
    public void A_child_with_only_a_doctor_or_recommendations_is_not_on_the_list()
    {
        Assert.False(HealthAlerts.Concerns(Health()));
        Assert.False(HealthAlerts.Concerns(Health(doctor: "Dr MARTIN", recommendations: "crème solaire")));
    }
}
