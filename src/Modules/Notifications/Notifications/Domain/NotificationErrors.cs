using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Notifications.Domain;

internal static class NotificationErrors
{
    public static readonly Error UnknownStructure =
        Error.NotFound("notifications.unknown_structure", "La structure choisie n'existe pas.");
}
