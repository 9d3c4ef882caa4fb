using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Dossier.Contracts;

namespace PortailFamille.Dossier.Domain;

internal static class DossierErrors
{
    public static readonly Error FormNotFound = Error.NotFound("dossier.form_not_found", "Cette fiche n'existe pas ou ne fait pas partie de votre dossier famille.");

    public static readonly Error DocumentNotFound = Error.NotFound("dossier.document_not_found", "Ce document n'existe pas ou ne fait pas partie de votre dossier famille.");

    public static readonly Error FormLocked = Error.Conflict("dossier.form_submitted",
        "Cette fiche a été transmise au service Éducation : elle n'est plus modifiable tant qu'elle n'a pas été validée ou rejetée.");

    public static readonly Error ConcurrentChange = Error.Conflict("dossier.concurrent_change",
        "La fiche vient d'être modifiée par ailleurs. Rechargez la page et recommencez.");

    public static readonly Error ConcurrentUpload = Error.Conflict("dossier.concurrent_upload",
        "Un autre dépôt sur cette fiche était en cours au même moment : ces fichiers n'ont pas été déposés. Vérifiez les fichiers déjà déposés et recommencez si besoin.");

    public static Error NotSubmitted(FormStatus status) => Error.Conflict("dossier.form_not_submitted",
        $"Seule une fiche transmise peut être validée ou rejetée (état actuel : {Label(status)}).");

    public static Error NotValidated(FormStatus status) => Error.Conflict("dossier.form_not_validated",
        $"Seule une fiche validée passe « à mettre à jour » (état actuel : {Label(status)}).");

    public static Error Invalid(IReadOnlyDictionary<string, string[]> fields) =>
        Error.Validation("validation.failed", "La fiche est incomplète ou contient des erreurs.") with { Fields = fields };

    public static string Label(FormStatus status) => status switch
    {
        FormStatus.ToFill => "à saisir",
        FormStatus.Draft => "en cours de saisie",
        FormStatus.Submitted => "transmise",
        FormStatus.Rejected => "rejetée/incomplète",
        FormStatus.Validated => "validée",
        FormStatus.ToUpdate => "à mettre à jour",
        _ => status.ToString(),
    };
}
