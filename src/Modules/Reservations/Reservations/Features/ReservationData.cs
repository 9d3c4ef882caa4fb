using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Reservations.Domain;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Reservations.Features;

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
        + (eligibility.Deadline is { } d ? $" (date limite : {d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))})" : "")
        + ". Vous pourrez réserver dès que toutes vos fiches seront validées (onglet « Dossier Famille »).");

    public static readonly Error CartAlreadyConfirmed = Error.Conflict("reservations.cart_already_confirmed",
        "Ce panier vient d'être validé depuis une autre fenêtre ou un autre appareil : consultez le suivi de vos réservations.");

    public static readonly Error AttendanceChanged = Error.Conflict("reservations.attendance_changed",
        "Le pointage de cet enfant vient d'être modifié par ailleurs : rechargez la feuille du jour.");

    public static Error CapacityBelowTaken(DateOnly day, int taken, int waitlisted, int? capacity, int waitlist) => taken > capacity
        ? Error.Conflict("reservations.capacity_below_taken",
            $"Impossible de passer à {capacity} place(s) : {taken} places sont déjà prises le {BookingRules.Describe(day)}. Annulez d'abord des réservations de ce jour ou gardez au moins {taken} places.")
        : Error.Conflict("reservations.capacity_below_taken",
            $"Impossible de réduire la liste d'attente à {waitlist} : {waitlisted} demandes y sont déjà le {BookingRules.Describe(day)}.");

    public static readonly Error CartChangedElsewhere = Error.Conflict("reservations.cart_changed",
        "Votre panier vient d'être modifié depuis une autre fenêtre ou un autre appareil : rien n'a été changé ici. Vérifiez le panier et recommencez.");

    public static readonly Error ConcurrentChange = Error.Conflict("reservations.concurrent_change",
        "Une autre demande sur les mêmes jours vient d'être enregistrée. Votre panier est conservé : vérifiez-le et validez à nouveau.");
}

/// <summary>What booking decisions need, loaded once per request: the family's children (Dossier contract) and a structure's calendar.</summary>
internal sealed class ReservationData(ReservationsDbContext db, ISender sender, BookingRulesCache cache)
{
    public async Task<IReadOnlyList<ChildView>> ChildrenAsync(Guid familyAccountId, CancellationToken ct) =>
        await sender.Send(new ListChildren(familyAccountId), ct);

    /// <summary>Periods, closures and holidays of the structures: three queries, kept a few seconds (<see cref="BookingRulesCache"/>).</summary>
    public async Task<BookingRules> RulesAsync(IEnumerable<Guid> structureIds, CancellationToken ct)
    {
        var ids = structureIds.Distinct().Order().ToList();
        if (cache.TryGet(ids, out var cached)) return cached;
        var version = cache.Version;
        var periods = await db.BookingPeriods.AsNoTracking().Where(p => ids.Contains(p.StructureId)).ToListAsync(ct);
        var closures = await db.Closures.AsNoTracking().Where(c => ids.Contains(c.StructureId)).ToListAsync(ct);
        var holidays = await db.SchoolHolidays.AsNoTracking().ToListAsync(ct);
        var rules = new BookingRules(periods, closures, holidays);
        cache.Store(ids, rules, version);
        return rules;
    }
}

/// <summary>
/// The booking rules of a set of structures, kept Reservations:RulesCacheSeconds (5 s by default; 0 turns it off).
/// Every calendar, cart change and confirmation needs them, and they change a few times a year: at an opening the
/// three queries were a sixth of the database round trips of a parent's visit. A period or closure saved through
/// this process empties the cache at once; another Host sees it within those seconds. The rules are read-only
/// once built, so requests share them.
/// </summary>
internal sealed class BookingRulesCache(TimeProvider clock, Microsoft.Extensions.Options.IOptions<ReservationsOptions> options)
{
    private readonly TimeSpan _keep = TimeSpan.FromSeconds(options.Value.RulesCacheSeconds);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTimeOffset Until, BookingRules Rules)> _entries = new();
    private long _version;

    /// <summary>Read before loading: rules loaded while a change was saved are not kept.</summary>
    public long Version => Interlocked.Read(ref _version);

    public bool TryGet(IReadOnlyList<Guid> structureIds, out BookingRules rules)
    {
        rules = null!;
        if (_keep <= TimeSpan.Zero || !_entries.TryGetValue(Key(structureIds), out var entry) || entry.Until <= clock.GetUtcNow()) return false;
        rules = entry.Rules;
        return true;
    }

    public void Store(IReadOnlyList<Guid> structureIds, BookingRules rules, long version)
    {
        if (_keep <= TimeSpan.Zero || version != Version) return;
        _entries[Key(structureIds)] = (clock.GetUtcNow() + _keep, rules);
    }

    /// <summary>After a period, closure or holiday is saved.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _entries.Clear();
    }

    private static string Key(IReadOnlyList<Guid> ids) => string.Join(',', ids);
}
