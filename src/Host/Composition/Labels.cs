using System.Globalization;
using PortailFamille.Billing.Contracts;
using PortailFamille.BuildingBlocks.Time;
using PortailFamille.Reservations.Contracts;
using PortailFamille.BuildingBlocks.Text;

namespace PortailFamille.Host.Composition;

/// <summary>French labels of the codes' enums, in one place.</summary>
internal static class Labels
{
    public static string DateTime(DateTimeOffset instant) => instant.ToParis().ToString("dddd d MMMM yyyy 'à' HH:mm", French.Culture);

    public static string Day(DateOnly day) => French.Day(day);

    public static string ShortDay(DateOnly day) => day.ToString("dd/MM/yyyy", French.Culture);

    public static string Money(decimal amount) => French.Money(amount);

    public static string Month(int year, int month) => new DateOnly(year, month, 1).ToString("MMMM yyyy", French.Culture);

    public static string Of(PaymentMode mode) => mode switch
    {
        PaymentMode.Card => "CB",
        PaymentMode.Cheque => "Chèque",
        PaymentMode.Cash => "Espèces",
        PaymentMode.DirectDebit => "Prélèvement",
        PaymentMode.Transfer => "Virement",
        _ => mode.ToString(),
    };

    public static string Of(PaymentAnomalyReason reason) => reason switch
    {
        PaymentAnomalyReason.MissingAmount => "Montant absent de la notification",
        PaymentAnomalyReason.WrongCurrency => "Devise autre que l'euro",
        PaymentAnomalyReason.AmountMismatch => "Montant différent du paiement",
        _ => reason.ToString(),
    };

    /// <summary>What a payment provider says it took: euros as money, another currency in its minor unit as sent.</summary>
    public static string ReceivedAmount(long? minor, string? currency) => minor switch
    {
        null => "aucun montant",
        { } cents when string.Equals(currency, "eur", StringComparison.OrdinalIgnoreCase) => French.Money(cents / 100m),
        { } units => $"{units.ToString("#,##0", French.Culture)} (unités mineures, {(string.IsNullOrEmpty(currency) ? "devise absente" : currency.ToUpperInvariant())})",
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
        DayState.Waitlisted => "En liste d'attente",
        DayState.Refused => "Refusé",
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
        Accounts.Contracts.AuditAction.FamilyAccountErased => "Effacement RGPD",
        Accounts.Contracts.AuditAction.SessionsEnded => "Déconnexion de tous les appareils",
        _ => action.ToString(),
    };

    public static string Of(Dossier.Contracts.FormKind kind) => kind switch
    {
        Dossier.Contracts.FormKind.AccountHolder => "Responsable compte famille",
        Dossier.Contracts.FormKind.OtherGuardian => "Autre responsable",
        Dossier.Contracts.FormKind.Insurance => "Assurance scolaire et extrascolaire",
        Dossier.Contracts.FormKind.ParentalConsents => "Autorisations parentales",
        Dossier.Contracts.FormKind.Contacts => "Contacts",
        Dossier.Contracts.FormKind.Health => "Santé",
        Dossier.Contracts.FormKind.InternalRules => "Règlement intérieur",
        _ => kind.ToString(),
    };

    public static string Of(Dossier.Contracts.FormStatus status) => status switch
    {
        Dossier.Contracts.FormStatus.ToFill => "À saisir",
        Dossier.Contracts.FormStatus.Draft => "En cours de saisie",
        Dossier.Contracts.FormStatus.Submitted => "Transmise",
        Dossier.Contracts.FormStatus.Rejected => "Rejetée / incomplète",
        Dossier.Contracts.FormStatus.Validated => "Validée",
        Dossier.Contracts.FormStatus.ToUpdate => "À mettre à jour",
        _ => status.ToString(),
    };

    public static string Of(Dossier.Contracts.DocumentPiece piece) => piece switch
    {
        Dossier.Contracts.DocumentPiece.TaxNotice => "Avis d'imposition N-1 (pour le calcul du quotient familial, facultatif)",
        Dossier.Contracts.DocumentPiece.DivorceJudgment => "Jugement de divorce (autorité parentale et garde des enfants)",
        Dossier.Contracts.DocumentPiece.ProofOfAddress => "Justificatif de domicile",
        Dossier.Contracts.DocumentPiece.InsuranceCertificate => "Attestation d'assurance de l'année scolaire",
        Dossier.Contracts.DocumentPiece.VaccinationRecord => "Carnet de vaccination (pages des vaccins obligatoires) ou certificat de contre-indication",
        Dossier.Contracts.DocumentPiece.PaiPrescription => "PAI : ordonnance du médecin et photo d'identité de l'enfant",
        _ => piece.ToString(),
    };

    public static string Of(Dossier.Contracts.FormAuditAction action) => action switch
    {
        Dossier.Contracts.FormAuditAction.SavedDraft => "Enregistrée en brouillon",
        Dossier.Contracts.FormAuditAction.Submitted => "Validée et transmise par la famille",
        Dossier.Contracts.FormAuditAction.Validated => "Validée par le service",
        Dossier.Contracts.FormAuditAction.Rejected => "Rejetée",
        Dossier.Contracts.FormAuditAction.MarkedToUpdate => "À mettre à jour (nouvelle campagne)",
        Dossier.Contracts.FormAuditAction.DocumentAdded => "Document déposé",
        Dossier.Contracts.FormAuditAction.DocumentRemoved => "Document supprimé",
        _ => action.ToString(),
    };

    public static string FileSize(long bytes) => bytes < 1024 ? $"{bytes} o" : $"{Math.Ceiling(bytes / 1024m):0} ko";

    public static string Of(Accounts.Contracts.StaffRole role) => role switch
    {
        Accounts.Contracts.StaffRole.AgentEducation => "Agent Éducation",
        Accounts.Contracts.StaffRole.Cashier => "Régie",
        Accounts.Contracts.StaffRole.Administrator => "Administrateur",
        _ => role.ToString(),
    };
}
