using System.Globalization;
using System.Text.RegularExpressions;
using PortailFamille.Dossier.Contracts;

namespace PortailFamille.Dossier.Domain;

internal sealed record FieldDefinition(string Key, string Label, FieldType Type, bool Required, string? Hint = null)
{
    public FieldView ToView() => new(Key, Label, Type, Required, Hint);
}

/// <summary>What each fiche asks (guide nouveaux élèves 2024, p. 6–9); * fields are required to transmit.</summary>
internal static partial class FormDefinitions
{
    public const string Yes = "oui";
    public const string No = "non";

    private static readonly FieldDefinition[] Holder =
    [
        new("lastName", "Nom", FieldType.Text, true),
        new("firstName", "Prénom", FieldType.Text, true),
        new("address", "Adresse", FieldType.Text, true),
        new("postalCode", "Code postal", FieldType.PostalCode, true),
        new("city", "Commune", FieldType.Text, true),
        new("mobilePhone", "Téléphone portable", FieldType.Phone, true),
        new("homePhone", "Téléphone domicile", FieldType.Phone, false),
        new("email", "Adresse électronique", FieldType.Email, true),
        new("profession", "Profession", FieldType.Text, false),
        new("employer", "Employeur", FieldType.Text, false),
        new("workPhone", "Téléphone professionnel", FieldType.Phone, false),
    ];

    private static readonly FieldDefinition[] OtherGuardian =
    [
        new("hasOther", "Y a-t-il un autre responsable de l'enfant ?", FieldType.YesNo, true),
        new("lastName", "Nom", FieldType.Text, false, "Obligatoire s'il y a un autre responsable."),
        new("firstName", "Prénom", FieldType.Text, false, "Obligatoire s'il y a un autre responsable."),
        new("relationship", "Lien avec l'enfant", FieldType.Text, false),
        new("address", "Adresse", FieldType.Text, false),
        new("postalCode", "Code postal", FieldType.PostalCode, false),
        new("city", "Commune", FieldType.Text, false),
        new("mobilePhone", "Téléphone portable", FieldType.Phone, false, "Obligatoire s'il y a un autre responsable."),
        new("email", "Adresse électronique", FieldType.Email, false),
        new("profession", "Profession", FieldType.Text, false),
        new("employer", "Employeur", FieldType.Text, false),
    ];

    private static readonly FieldDefinition[] Insurance =
    [
        new("insurer", "Compagnie d'assurance", FieldType.Text, true, "Choisissez dans la liste ou saisissez une nouvelle compagnie."),
        new("insurerAddress", "Adresse de la compagnie (nouvelle compagnie)", FieldType.Text, false),
        new("insurerPhone", "Téléphone de la compagnie (nouvelle compagnie)", FieldType.Phone, false),
        new("contractNumber", "Numéro de contrat", FieldType.Text, true),
        new("expiryDate", "Date d'échéance", FieldType.Date, true, "Vérifiez-la sur votre attestation : fin d'année civile, d'année scolaire ou de contrat."),
    ];

    private static readonly FieldDefinition[] Consents =
    [
        new("imageRights", "Droit à l'image : j'autorise la prise de photos et de vidéos de mon enfant pendant les activités", FieldType.YesNo, true),
        new("publication", "J'autorise la publication de ces images (journal municipal, site de la ville)", FieldType.YesNo, true),
        new("emergencyCare", "J'autorise les responsables à prendre toutes les mesures médicales d'urgence (SAMU, hospitalisation)", FieldType.YesNo, true),
        new("outings", "J'autorise mon enfant à participer aux sorties et à être transporté en car", FieldType.YesNo, true),
    ];

    private static readonly FieldDefinition[] Health =
    [
        new("vaccinesUpToDate", "Les vaccinations obligatoires sont à jour", FieldType.YesNo, true, "Sinon, joignez un certificat médical de contre-indication."),
        new("pathologies", "Pathologies (asthme, diabète, épilepsie…)", FieldType.LongText, false),
        new("allergies", "Allergies (alimentaires, médicamenteuses…)", FieldType.LongText, false),
        new("pai", "Un PAI (projet d'accueil individualisé) existe ou est à prévoir", FieldType.YesNo, true, "Joignez l'ordonnance du médecin et une photo de l'enfant."),
        new("dietaryNeeds", "Exigences alimentaires", FieldType.LongText, false),
        new("recommendations", "Recommandations utiles", FieldType.LongText, false),
        new("doctor", "Médecin traitant", FieldType.Text, true, "Tapez les deux premières lettres de son nom et choisissez-le dans la liste ; sinon, saisissez-le."),
        new("doctorPhone", "Téléphone du médecin (nouveau médecin)", FieldType.Phone, false),
        new("doctorCity", "Commune du médecin (nouveau médecin)", FieldType.Text, false),
    ];

    private static readonly FieldDefinition[] Rules =
    [
        new("acknowledged", "J'ai pris connaissance du règlement intérieur et j'ai informé mon enfant de ce règlement", FieldType.Acknowledgement, true),
    ];

    public static IReadOnlyList<FieldDefinition> Fields(FormKind kind) => kind switch
    {
        FormKind.AccountHolder => Holder,
        FormKind.OtherGuardian => OtherGuardian,
        FormKind.Insurance => Insurance,
        FormKind.ParentalConsents => Consents,
        FormKind.Contacts => [],
        FormKind.Health => Health,
        FormKind.InternalRules => Rules,
        _ => [],
    };

    public static IReadOnlyList<DocumentPiece> Pieces(FormKind kind) => kind switch
    {
        FormKind.AccountHolder => [DocumentPiece.TaxNotice, DocumentPiece.DivorceJudgment, DocumentPiece.ProofOfAddress],
        FormKind.Insurance => [DocumentPiece.InsuranceCertificate],
        FormKind.Health => [DocumentPiece.VaccinationRecord, DocumentPiece.PaiPrescription],
        _ => [],
    };

    /// <summary>Autorisations parentales default to « oui » (the guide: « la réponse OUI est cochée par défaut »).</summary>
    public static IReadOnlyDictionary<string, string?> Defaults(FormKind kind) => kind switch
    {
        FormKind.ParentalConsents => Consents.ToDictionary(f => f.Key, _ => (string?)Yes),
        FormKind.Health => new Dictionary<string, string?> { ["vaccinesUpToDate"] = Yes, ["pai"] = No },
        _ => new Dictionary<string, string?>(),
    };

    /// <summary>Formats always; required fields only to transmit. Field key → French messages.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(FormKind kind, IReadOnlyDictionary<string, string?> values, bool requireAll)
    {
        var errors = new Dictionary<string, string[]>();
        var otherGuardian = kind == FormKind.OtherGuardian && values.GetValueOrDefault("hasOther") == Yes;
        foreach (var field in Fields(kind))
        {
            var value = values.GetValueOrDefault(field.Key)?.Trim();
            var required = field.Required || (otherGuardian && field.Key is "lastName" or "firstName" or "mobilePhone");
            if (string.IsNullOrEmpty(value))
            {
                if (requireAll && required)
                    errors[field.Key] = [field.Type == FieldType.Acknowledgement ? $"Cochez la case « {field.Label} »." : $"« {field.Label} » est obligatoire."];
                continue;
            }

            var message = field.Type switch
            {
                _ when value.Length > (field.Type == FieldType.LongText ? 2000 : 200) => $"« {field.Label} » est trop long.",
                FieldType.Email when !EmailPattern().IsMatch(value) => $"« {field.Label} » n'est pas une adresse électronique valide (exemple : nom@exemple.fr).",
                FieldType.Phone when !PhonePattern().IsMatch(value) => $"« {field.Label} » n'est pas un numéro de téléphone valide (exemple : 06 12 34 56 78).",
                FieldType.PostalCode when !PostalCodePattern().IsMatch(value) => $"« {field.Label} » doit comporter 5 chiffres.",
                FieldType.Date when !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => $"« {field.Label} » n'est pas une date valide.",
                FieldType.YesNo when value is not (Yes or No) => $"Répondez oui ou non à « {field.Label} ».",
                FieldType.Acknowledgement when value != Yes => $"Cochez la case « {field.Label} ».",
                _ => null,
            };
            if (message is not null) errors[field.Key] = [message];
        }

        return errors;
    }

    [GeneratedRegex(@"^[^@\s;]+@[^@\s;]+\.[^@\s;]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 .\-]{8,18}[0-9]$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[0-9]{5}$")]
    private static partial Regex PostalCodePattern();
}
