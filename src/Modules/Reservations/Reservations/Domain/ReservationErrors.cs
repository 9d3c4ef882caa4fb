using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Dossier.Contracts;
using PortailFamille.BuildingBlocks.Text;

namespace PortailFamille.Reservations.Domain;

internal static class ReservationErrors
{
    public static readonly Error ChildNotFound = Error.NotFound("reservations.child_not_found", "Cet enfant ne fait pas partie de votre dossier famille.");
    public static readonly Error ActivityNotFound = Error.NotFound("reservations.activity_not_found", "Cette activité n'existe pas.");
    public static readonly Error CartItemNotFound = Error.NotFound("reservations.cart_item_not_found", "Cette ligne n'est plus dans votre panier.");
    public static readonly Error EmptyCart = Error.Validation("reservations.empty_cart", "Votre panier est vide : ajoutez des jours avant de valider.");
    public static readonly Error BookingNotFound = Error.NotFound("reservations.booking_not_found", "Cette réservation n'existe pas.");

    public static Error AccountInDebit(IEnumerable<string> wallets) => Error.Forbidden("reservations.account_in_debit",
        $"Votre compte famille est débiteur ({string.Join(", ", wallets)}) : créditez-le avant de réserver.");

    public static Error DossierNotValidated(BookingEligibility eligibility) => Error.Forbidden("reservations.dossier_not_validated",
        $"Votre Dossier Famille n'est pas validé : {eligibility.FormsNotValidated} fiche(s) restent à compléter, à transmettre ou à faire valider par le service Éducation"
        + (eligibility.Deadline is { } d ? $" (date limite : {French.Date(d)})" : "")
        + ". Vous pourrez réserver dès que toutes vos fiches seront validées (onglet « Dossier Famille »).");

    public static readonly Error CartAlreadyConfirmed = Error.Conflict("reservations.cart_already_confirmed",
        "Ce panier vient d'être validé depuis une autre fenêtre ou un autre appareil : consultez le suivi de vos réservations.");

    public static readonly Error AttendanceChanged = Error.Conflict("reservations.attendance_changed",
        "Le pointage de cet enfant vient d'être modifié par ailleurs : rechargez la feuille du jour.");

    public static Error CapacityBelowTaken(DateOnly day, int taken, int waitlisted, int? capacity, int waitlist) => taken > capacity
        ? Error.Conflict("reservations.capacity_below_taken",
            $"Impossible de passer à {capacity} place(s) : {taken} places sont déjà prises le {French.Day(day)}. Annulez d'abord des réservations de ce jour ou gardez au moins {taken} places.")
        : Error.Conflict("reservations.capacity_below_taken",
            $"Impossible de réduire la liste d'attente à {waitlist} : {waitlisted} demandes y sont déjà le {French.Day(day)}.");

    public static readonly Error CartChangedElsewhere = Error.Conflict("reservations.cart_changed",
        "Votre panier vient d'être modifié depuis une autre fenêtre ou un autre appareil : rien n'a été changé ici. Vérifiez le panier et recommencez.");

    public static readonly Error ConcurrentChange = Error.Conflict("reservations.concurrent_change",
        "Une autre demande sur les mêmes jours vient d'être enregistrée. Votre panier est conservé : vérifiez-le et validez à nouveau.");
}
