using System.Globalization;
using System.Text;
using PortailFamille.Reservations.Contracts;
using PortailFamille.BuildingBlocks.Text;

namespace PortailFamille.Notifications.Templates;

/// <summary>
/// The nightly report of the guide (nouveaux élèves 2024): the movements received, then the sections
/// LISTE D'ATTENTE / ACCEPTEES / ANNULEES (and REFUSEES when some were refused), each grouped by
/// activity, then child, with the days abbreviated ("lun. 15/05, mar. 16/05").
/// </summary>
internal static class TransmissionReport
{
    public static string Subject(string structureName) => $"Compte rendu de vos demandes de réservation — {structureName}";

    public static string Text(string recipient, string structureName, IReadOnlyList<TransmittedLine> lines)
    {
        var requests = lines.Count(l => l.Action == BookingAction.Book);
        var cancellations = lines.Count(l => l.Action == BookingAction.Cancel);
        var text = new StringBuilder();
        text.Append(recipient).Append('\n').Append('\n');
        text.Append($"Veuillez trouver ci-dessous un compte rendu des modifications apportées à vos demandes de réservation sur la structure : {structureName}.\n\n");
        text.Append(lines.Count == 1
            ? "1 mouvement sur vos demandes de réservations a été reçu, dont :\n"
            : $"{lines.Count} mouvements sur vos demandes de réservations ont été reçus, dont :\n");
        text.Append($"       - {requests} {(requests == 1 ? "nouvelle demande" : "nouvelles demandes")} de réservation\n");
        text.Append($"       - {cancellations} {(cancellations == 1 ? "demande" : "demandes")} d’annulation\n");

        Section(text, "RESERVATIONS MISES EN LISTE D'ATTENTE", lines.Where(l => l.Action == BookingAction.Book && l.Outcome == LineOutcome.Waitlisted));
        Section(text, "RESERVATIONS ACCEPTEES", lines.Where(l => l.Action == BookingAction.Book && l.Outcome == LineOutcome.Accepted));
        Section(text, "RESERVATIONS REFUSEES", lines.Where(l => l.Action == BookingAction.Book && l.Outcome == LineOutcome.Refused));
        Section(text, "RESERVATIONS ANNULEES", lines.Where(l => l.Action == BookingAction.Cancel));
        text.Append("Vous pouvez consulter l'état de vos réservations sur notre site Internet.\n");
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IEnumerable<TransmittedLine> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0) return;
        text.Append($"\n****************     {title}     ****************\n");
        foreach (var activity in list.GroupBy(l => l.ActivityName).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append($"--> Activité : {activity.Key} :\n");
            foreach (var child in activity.GroupBy(l => l.ChildName).OrderBy(g => g.Key, StringComparer.Ordinal))
                text.Append($"         {child.Key} : {string.Join(", ", child.Select(l => l.Day).Distinct().Order().Select(Day))}\n");
        }
    }

    private static string Day(DateOnly day) => $"{day.ToString("ddd", French.Culture)} {day:dd/MM}";
}
