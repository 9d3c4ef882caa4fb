using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Accounts.Domain;

internal static class AccountErrors
{
    // One message for an unknown identifier and a wrong password: no account enumeration.
    public static readonly Error InvalidCredentials =
        Error.Validation("accounts.invalid_credentials", "Identifiant ou mot de passe incorrect.");

    public static readonly Error LockedOut = Error.TooManyAttempts("accounts.locked_out",
        "Après 5 tentatives infructueuses, la connexion est bloquée pendant 15 minutes. Réessayez plus tard ou réinitialisez votre mot de passe.");

    public static readonly Error Busy = Error.Busy("accounts.busy",
        "Beaucoup de familles se connectent en ce moment : réessayez dans quelques secondes. Votre demande n'a pas été comptée comme une erreur de mot de passe.");

    public static readonly Error WrongCurrentPassword =
        Error.Validation("accounts.wrong_current_password", "Le mot de passe actuel est incorrect.");

    public static readonly Error AccountNotFound = Error.NotFound("accounts.not_found", "Ce compte famille n'existe pas.");

    public static readonly Error LinkNotValid = Error.Validation("accounts.link_not_valid",
        "Ce lien n'est plus valable : il a expiré, a déjà servi ou a été remplacé par une demande plus récente. Demandez un nouveau lien.");

    public static readonly Error UnknownStructure = Error.NotFound("accounts.unknown_structure", "La structure choisie n'existe pas.");

    public static readonly Error UnknownLinkedAccount = Error.NotFound("accounts.unknown_linked_account", "Le compte de l'autre parent n'existe pas.");
}
