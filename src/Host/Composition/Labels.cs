using System.Globalization;
using PortailFamille.Billing.Contracts;
using PortailFamille.BuildingBlocks.Time;
using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Host.Composition;

/// <summary>French labels of the codes' enums, in one place.</summary>
internal static class Labels
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string DateTime(DateTimeOffset instant) => instant.ToParis().ToString("dddd d MMMM yyyy 'à' HH:mm", French);

    public static string Day(DateOnly day) => day.ToString("dddd d MMMM yyyy", French);

    public static string ShortDay(DateOnly day) => day.ToString("dd/MM/yyyy", French);

    public static string Money(decimal amount) => amount.ToString("#,##0.00' €'", French);

    public static string Month(int year, int month) => new DateOnly(year, month, 1).ToString("MMMM yyyy", French);

    public static string Of(PaymentMode mode) => mode switch
    {
        PaymentMode.Card => "CB",
        PaymentMode.Cheque => "Chèque",
        PaymentMode.Cash => "Espèces",
        PaymentMode.DirectDebit => "Prélèvement",
        PaymentMode.Transfer => "Virement",
        _ => mode.ToString(),
    };

    public static string Of(ActivityKind kind) => kind switch
    {
        ActivityKind.Canteen => "Restauration",
        ActivityKind.MorningCare => "Accueil du matin",
        ActivityKind.EveningCare => "Accueil du soir",
        ActivityKind.WednesdayCentre => "Centre de loisirs du mercredi",
        ActivityKind.HolidayCentre => "Centre de loisirs des vacances",
        _ => kind.ToString(),
    };

    public static string Of(DayPart part) => part switch
    {
        DayPart.FullDay => "Journée",
        DayPart.Morning => "Matin",
        DayPart.Afternoon => "Après-midi",
        _ => part.ToString(),
    };

    public static string Of(BookingPeriodKind kind) => kind switch
    {
        BookingPeriodKind.SchoolTime => "Temps scolaire",
        BookingPeriodKind.Holidays => "Vacances scolaires",
        _ => kind.ToString(),
    };

    public static string Of(DayState state) => state switch
    {
        DayState.NotOpen => "Pas ouvert à la réservation ou hors délai",
        DayState.Available => "Disponible",
        DayState.WaitlistOnly => "Disponible uniquement en liste d'attente",
        DayState.Full => "Complet",
        DayState.BookedChangeable => "Réservé, modifiable",
        DayState.BookedLocked => "Réservé, non modifiable",
        DayState.WaitlistedOrRefused => "En liste d'attente ou refusé",
        DayState.TakenByOtherParent => "Réservé par l'autre parent",
        _ => state.ToString(),
    };

    public static string Of(BookingStatus status) => status switch
    {
        BookingStatus.NotTransmitted => "Non transmise",
        BookingStatus.Transmitted => "Transmise",
        BookingStatus.Accepted => "Acceptée",
        BookingStatus.Waitlisted => "En liste d'attente",
        BookingStatus.Refused => "Refusée",
        BookingStatus.Cancelled => "Annulée",
        _ => status.ToString(),
    };

    public static string Of(LineOutcome outcome) => outcome switch
    {
        LineOutcome.Accepted => "Acceptée",
        LineOutcome.Waitlisted => "Mise en liste d'attente",
        LineOutcome.Refused => "Refusée",
        LineOutcome.Cancelled => "Annulée",
        _ => outcome.ToString(),
    };

    public static string Of(Accounts.Contracts.AuditAction action) => action switch
    {
        Accounts.Contracts.AuditAction.FamilyAccountCreated => "Création de compte",
        Accounts.Contracts.AuditAction.AccountUnlocked => "Déblocage",
        _ => action.ToString(),
    };

    public static string Of(Accounts.Contracts.StaffRole role) => role switch
    {
        Accounts.Contracts.StaffRole.AgentEducation => "Agent Éducation",
        Accounts.Contracts.StaffRole.Cashier => "Régie",
        Accounts.Contracts.StaffRole.Administrator => "Administrateur",
        _ => role.ToString(),
    };
}
