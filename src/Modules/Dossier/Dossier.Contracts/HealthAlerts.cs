using Mediator;

namespace PortailFamille.Dossier.Contracts;

/// <summary>
/// The animators' health list of a day: of the children given (those expected on the day sheet), the ones with a PAI, an
/// allergy, a diet or a pathology, with what their fiche Santé says. Children with none of these are left out.
/// </summary>
public sealed record ListHealthAlerts(IReadOnlyCollection<Guid> ChildIds) : IQuery<IReadOnlyList<HealthDetails>>;
