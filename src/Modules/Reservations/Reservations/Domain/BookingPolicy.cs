using PortailFamille.Dossier.Contracts;
using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Reservations.Domain;

/// <summary>Why a day is not bookable, or what its state means: a code to branch on and the French message to show.</summary>
internal sealed record DayRefusal(DayReason Code, string Message);

/// <summary>What is already on a day for a child and an activity: the child's active line (whoever booked it) and this family's refusal.</summary>
internal sealed record DayLines(Booking? Active, bool RefusedForThisFamily)
{
    public static DayLines Of(IEnumerable<Booking> lines, Guid familyAccountId)
    {
        var list = lines as IReadOnlyCollection<Booking> ?? lines.ToList();
        return new(list.FirstOrDefault(b => b.IsActive), list.Any(b => b.Outcome == LineOutcome.Refused && b.FamilyAccountId == familyAccountId));
    }
}

/// <summary>The calendar's answer for a cell: its colour, its reason and the places left.</summary>
internal sealed record DayDecision(DayState State, DayRefusal? Reason, int? RemainingPlaces);

/// <summary>
/// May this child have this day of this activity? One decision for the calendar cell, the cart and the final
/// « Valider »: the period's rules and deadlines (<see cref="BookingRules"/>), the child's age, the lines already on the
/// day (the other parent's, the family's own) and the places and waitlist left. The confirmation still takes each place
/// by a conditional update: this decides what may be asked, the database decides who gets the last place.
/// </summary>
internal static class BookingPolicy
{
    public static readonly DayRefusal ChildNotLinked = new(DayReason.ChildNotLinked, "Cet enfant n'est plus rattaché à votre compte.");
    public static readonly DayRefusal TakenByOtherParent = new(DayReason.TakenByOtherParent, "Ce jour est déjà réservé par l'autre parent.");
    public static readonly DayRefusal AlreadyBooked = new(DayReason.AlreadyBooked, "Ce jour est déjà réservé pour cet enfant.");
    public static readonly DayRefusal OnWaitlist = new(DayReason.Waitlisted, "Demande en liste d'attente.");
    public static readonly DayRefusal Refused = new(DayReason.Refused, "Demande refusée.");
    public static readonly DayRefusal WaitlistOpen = new(DayReason.WaitlistOpen, "Activité complète : demande possible en liste d'attente.");
    public static readonly DayRefusal FullAndWaitlistFull = new(DayReason.FullAndWaitlistFull, "Activité complète et liste d'attente complète.");
    public static readonly DayRefusal AlreadyCancelled = new(DayReason.AlreadyCancelled, "Cette réservation était déjà annulée.");
    public static readonly DayRefusal ChangedMeanwhile = new(DayReason.ChangedMeanwhile, "Cette réservation vient de changer : vérifiez le suivi puis annulez-la à nouveau.");
    public static readonly DayRefusal NothingBookable = new(DayReason.NothingBookable, "Aucun jour de cette sélection n'est réservable.");

    /// <summary>The activity's age group, on the day (guide: « 3–6 ans », « 6–12 ans »).</summary>
    public static DayRefusal? Ineligibility(Activity activity, ChildView child, DateOnly day)
    {
        var age = BookingRules.AgeOn(child.BirthDate, day);
        return activity.AcceptsAge(age) ? null
            : new(DayReason.ChildAge, $"{child.FirstName} a {age} ans : l'activité {activity.Name} est réservée aux {activity.AgeGroup}.");
    }

    /// <summary>
    /// Why the child may not ask for the day, before any place is counted (the cart, and the confirmation before it takes
    /// places), or null. <paramref name="lines"/> are the child's lines on that day and activity.
    /// </summary>
    public static DayRefusal? MayAsk(Activity activity, ChildView? child, DateOnly day, BookingRules.Verdict verdict, DayLines lines, Guid familyAccountId)
    {
        if (child is null) return ChildNotLinked;
        if (!verdict.Open) return verdict.Refusal;
        if (Ineligibility(activity, child, day) is { } ineligible) return ineligible;
        if (lines.Active is { } active)
            return active.FamilyAccountId == familyAccountId ? AlreadyBooked : TakenByOtherParent;
        return null;
    }

    /// <summary>Null while a place or a waitlist place is left on the day (a day without a slot yet has all of them).</summary>
    public static DayRefusal? Places(DaySlot slot) => slot.HasRoom || slot.WaitlistHasRoom ? null : FullAndWaitlistFull;

    /// <summary>The calendar cell: the guides' colour codes and why.</summary>
    public static DayDecision ForCalendar(Activity activity, ChildView child, DateOnly day, BookingRules.Verdict verdict, DayLines lines, DaySlot slot, Guid familyAccountId)
    {
        var remaining = slot.Remaining;
        if (lines.Active is { } active)
        {
            if (active.FamilyAccountId != familyAccountId) return new(DayState.TakenByOtherParent, TakenByOtherParent, remaining);
            if (active.Outcome == LineOutcome.Waitlisted) return new(DayState.Waitlisted, OnWaitlist, remaining);
            return verdict.Open ? new(DayState.BookedChangeable, null, remaining) : new(DayState.BookedLocked, verdict.Refusal, remaining);
        }

        if (lines.RefusedForThisFamily) return new(DayState.Refused, Refused, remaining);
        if (!verdict.Open) return new(DayState.NotOpen, verdict.Refusal, remaining);
        if (Ineligibility(activity, child, day) is { } ineligible) return new(DayState.NotOpen, ineligible, remaining);
        if (slot.HasRoom) return new(DayState.Available, null, remaining);
        return slot.WaitlistHasRoom ? new(DayState.WaitlistOnly, WaitlistOpen, 0) : new(DayState.Full, FullAndWaitlistFull, 0);
    }
}
