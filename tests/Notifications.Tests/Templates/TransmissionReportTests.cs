using PortailFamille.Notifications.Templates;
using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Notifications.Tests.Templates;

public sealed class TransmissionReportTests
{
    // The guide's example (guide-utilisateurs-nouveaux-eleves-2024), without the PDF's trailing spaces and line break in the structure name.
    private const string GuideExample =
        "M. DUPONT Jean-Paul\n" +
        "\n" +
        "Veuillez trouver ci-dessous un compte rendu des modifications apportées à vos demandes de réservation sur la structure : Mairie de CarteVille.\n" +
        "\n" +
        "14 mouvements sur vos demandes de réservations ont été reçus, dont :\n" +
        "       - 11 nouvelles demandes de réservation\n" +
        "       - 3 demandes d’annulation\n" +
        "\n" +
        "****************     RESERVATIONS MISES EN LISTE D'ATTENTE     ****************\n" +
        "--> Activité : MECREDI 7/11 PIERRETTES :\n" +
        "         DUPONT Amalia : lun. 15/05, mar. 16/05\n" +
        "\n" +
        "****************     RESERVATIONS ACCEPTEES     ****************\n" +
        "--> Activité : ACCUEIL MATIN :\n" +
        "         DUPONT Paolo : mar. 09/05, mer. 10/05, jeu. 11/05, ven. 12/05, lun. 15/05, mar. 16/05, mer. 17/05, jeu. 18/05, ven. 19/05\n" +
        "\n" +
        "****************     RESERVATIONS ANNULEES     ****************\n" +
        "--> Activité : ACCUEIL SOIR :\n" +
        "         DUPONT Amalia : ven. 05/05, mar. 09/05\n" +
        "--> Activité : RESTAURATION :\n" +
        "         DUPONT Paolo : ven. 05/05\n" +
        "Vous pouvez consulter l'état de vos réservations sur notre site Internet.\n";

    private static TransmittedLine Line(string activity, string child, int day, BookingAction action, LineOutcome outcome) =>
        new(Guid.NewGuid(), child, activity, new DateOnly(2023, 5, day), action, outcome);

    [Fact]
    public void Reproduces_the_guides_example_report()
    {
        List<TransmittedLine> lines =
        [
            // Given out of order on purpose: the report sorts activities, children and days.
            Line("RESTAURATION", "DUPONT Paolo", 5, BookingAction.Cancel, LineOutcome.Cancelled),
            Line("MECREDI 7/11 PIERRETTES", "DUPONT Amalia", 16, BookingAction.Book, LineOutcome.Waitlisted),
            Line("MECREDI 7/11 PIERRETTES", "DUPONT Amalia", 15, BookingAction.Book, LineOutcome.Waitlisted),
            .. new[] { 9, 10, 11, 12, 15, 16, 17, 18, 19 }.Reverse().Select(d => Line("ACCUEIL MATIN", "DUPONT Paolo", d, BookingAction.Book, LineOutcome.Accepted)),
            Line("ACCUEIL SOIR", "DUPONT Amalia", 9, BookingAction.Cancel, LineOutcome.Cancelled),
            Line("ACCUEIL SOIR", "DUPONT Amalia", 5, BookingAction.Cancel, LineOutcome.Cancelled),
        ];

        Assert.Equal(GuideExample, TransmissionReport.Text("M. DUPONT Jean-Paul", "Mairie de CarteVille", lines));
    }

    [Fact]
    public void One_movement_is_written_in_the_singular_and_refusals_get_their_section()
    {
        var text = TransmissionReport.Text("DUPONT Jean-Paul", "Ville de Cestas", [Line("RESTAURATION", "DUPONT Paolo", 12, BookingAction.Book, LineOutcome.Refused)]);

        Assert.Contains("1 mouvement sur vos demandes de réservations a été reçu, dont :\n", text);
        Assert.Contains("       - 1 nouvelle demande de réservation\n", text);
        Assert.Contains("       - 0 demandes d’annulation\n", text);
        Assert.Contains("****************     RESERVATIONS REFUSEES     ****************\n--> Activité : RESTAURATION :\n         DUPONT Paolo : ven. 12/05\n", text);
        Assert.DoesNotContain("ACCEPTEES", text);
    }
}
