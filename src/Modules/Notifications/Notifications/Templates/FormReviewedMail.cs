using PortailFamille.Dossier.Contracts;

namespace PortailFamille.Notifications.Templates;

/// <summary>The mail a family receives when the service Éducation validates or rejects one of its fiches.</summary>
internal static class FormReviewedMail
{
    public static MailContent Render(string lastName, string firstName, FormKind kind, string? childName, bool validated, string? reason)
    {
        var fiche = $"« {Title(kind)} »" + (childName is null ? "" : $" de {childName}");
        var subject = validated ? $"Dossier Famille : fiche {Title(kind)} validée" : $"Dossier Famille : fiche {Title(kind)} à compléter";
        var text = $"{lastName} {firstName}\n\n"
            + (validated
                ? $"Le service Éducation a validé votre fiche {fiche}.\n\n"
                : $"Le service Éducation a rejeté votre fiche {fiche} pour le motif suivant :\n\n{reason}\n\n"
                  + "Merci de la compléter et de la transmettre à nouveau avant la date de clôture pour avoir accès aux réservations.\n\n")
            + "Connectez-vous au Portail Famille, onglet « Dossier Famille », pour consulter l'état de votre dossier.\n\n"
            + MailContent.Footer + "\n";
        var html = $"<p>{System.Net.WebUtility.HtmlEncode(text).Replace("\n", "<br>")}</p>";
        return new MailContent(subject, text, html);
    }

    public static string Title(FormKind kind) => kind switch
    {
        FormKind.AccountHolder => "Responsable compte famille",
        FormKind.OtherGuardian => "Autre responsable",
        FormKind.Insurance => "Assurance scolaire et extrascolaire",
        FormKind.ParentalConsents => "Autorisations parentales",
        FormKind.Contacts => "Contacts",
        FormKind.Health => "Santé",
        FormKind.InternalRules => "Règlement intérieur",
        _ => kind.ToString(),
    };
}
