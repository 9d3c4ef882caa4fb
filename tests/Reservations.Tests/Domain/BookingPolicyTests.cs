using PortailFamille.Dossier.Contracts;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;

namespace PortailFamille.Reservations.Tests.Domain;

/// <summary>
/// The one booking decision, without a database, on the guide's 2024/2025 dates (PÉRIODE 1 opens Monday 19 August 2024
/// for 2 September–18 October; « MERCREDI 7/11 » takes 7 to 11-year-olds). The calendar, the cart and the confirmation
/// all ask it, so each reason has one code and one message.
/// </summary>
public sealed class BookingPolicyTests
{
    private static readonly Guid Edu = Guid.NewGuid();
    private static readonly Guid Family = Guid.NewGuid();
    private static readonly Guid OtherParent = Guid.NewGuid();
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static readonly DateOnly Today = D(2024, 9, 2);
    private static readonly DateOnly Thursday = D(2024, 9, 12);
    private static readonly DateOnly Wednesday = D(2024, 9, 11);

    private static readonly BookingRules Rules = new(
        [BookingPeriod.Create(Guid.NewGuid(), Edu, "PÉRIODE 1", BookingPeriodKind.SchoolTime, D(2024, 8, 19), D(2024, 9, 2), D(2024, 10, 18))],
        [Closure.Create(Guid.NewGuid(), Edu, D(2024, 9, 4), ActivityKind.WednesdayCentre, "Fermeture exceptionnelle du centre de loisirs")],
        []);

    private static readonly Activity Canteen = Activity.Create(Guid.NewGuid(), Edu, "RESTAURATION", "RESTAURATION", ActivityKind.Canteen, DayPart.FullDay, "RESTAURATION", weekdays: "1,2,4,5");
    private static readonly Activity Mercredi = Activity.Create(Guid.NewGuid(), Edu, "MERCREDI_7_11", "MERCREDI 7/11 PIERRETTES", ActivityKind.WednesdayCentre, DayPart.FullDay, "PERISCOLAIRE", 36, 10, 7, 11, weekdays: "3");
    private static readonly Activity NoPlaceWaitlistOpen = Activity.Create(Guid.NewGuid(), Edu, "ETUDE", "ÉTUDE", ActivityKind.EveningCare, DayPart.FullDay, "PERISCOLAIRE", capacity: 0, waitlistSize: 2);
    private static readonly Activity NoPlaceAtAll = Activity.Create(Guid.NewGuid(), Edu, "ATELIER", "ATELIER", ActivityKind.EveningCare, DayPart.FullDay, "PERISCOLAIRE", capacity: 0, waitlistSize: 0);

    // Amalia, born 14 March 2016: 8 on the guide's dates.
    private static readonly ChildView Amalia = new(Guid.NewGuid(), Family, "Amalia", "DUPONT", D(2016, 3, 14), "École des Pierrettes", "CE2");
    private static readonly ChildView Paolo = new(Guid.NewGuid(), Family, "Paolo", "DUPONT", D(2020, 5, 2), "École des Pierrettes", "MS");

    private static DayRefusal? MayAsk(Activity activity, ChildView? child, DateOnly day, DateOnly today, params Booking[] lines) =>
        BookingPolicy.MayAsk(activity, child, day, Rules.Evaluate(activity, day, today), DayLines.Of(lines, Family), Family);

    private static DayDecision Cell(Activity activity, ChildView child, DateOnly day, DateOnly today, params Booking[] lines) =>
        BookingPolicy.ForCalendar(activity, child, day, Rules.Evaluate(activity, day, today), DayLines.Of(lines, Family), DaySlot.For(activity, day), Family);

    private static Booking Line(Guid family, ChildView child, Activity activity, DateOnly day, LineOutcome outcome) =>
        Booking.Record(family, child.Id, activity.Id, day, outcome, null, null, null, Guid.NewGuid(), DateTimeOffset.UnixEpoch);

    [Fact]
    public void An_open_canteen_day_may_be_asked_and_shows_available()
    {
        Assert.Null(MayAsk(Canteen, Amalia, Thursday, Today));
        Assert.Equal((DayState.Available, (DayRefusal?)null), (Cell(Canteen, Amalia, Thursday, Today).State, Cell(Canteen, Amalia, Thursday, Today).Reason));
    }

    [Fact]
    public void A_canteen_day_two_days_ahead_is_refused_for_its_deadline_everywhere()
    {
        var today = D(2024, 9, 10);
        Assert.Equal(DayReason.DeadlinePassed, MayAsk(Canteen, Amalia, Thursday, today)?.Code);
        var cell = Cell(Canteen, Amalia, Thursday, today);
        Assert.Equal((DayState.NotOpen, DayReason.DeadlinePassed), (cell.State, cell.Reason?.Code));
        Assert.Equal("Le jeudi 12 septembre 2024 n'est plus réservable : la réservation ferme 3 jours avant.", cell.Reason?.Message);
    }

    [Fact]
    public void Nothing_is_asked_before_the_period_opens() =>
        Assert.Equal(DayReason.NotYetOpen, MayAsk(Canteen, Amalia, Thursday, D(2024, 8, 18))?.Code);

    [Fact]
    public void A_closed_wednesday_and_a_day_the_activity_does_not_run_have_their_own_codes()
    {
        Assert.Equal(DayReason.Closed, MayAsk(Mercredi, Amalia, D(2024, 9, 4), D(2024, 8, 20))?.Code);
        Assert.Equal(DayReason.NotOnWeekday, MayAsk(Mercredi, Amalia, Thursday, Today)?.Code);
        Assert.Equal(DayReason.NoPeriod, MayAsk(Canteen, Amalia, D(2024, 12, 12), Today)?.Code);
    }

    [Fact]
    public void A_four_year_old_may_not_ask_for_the_seven_to_eleven_centre()
    {
        var refusal = MayAsk(Mercredi, Paolo, Wednesday, Today);
        Assert.Equal(DayReason.ChildAge, refusal?.Code);
        Assert.Equal("Paolo a 4 ans : l'activité MERCREDI 7/11 PIERRETTES est réservée aux 7-11 ans.", refusal?.Message);
        Assert.Equal((DayState.NotOpen, DayReason.ChildAge), (Cell(Mercredi, Paolo, Wednesday, Today).State, Cell(Mercredi, Paolo, Wednesday, Today).Reason?.Code));
        Assert.Null(MayAsk(Mercredi, Amalia, Wednesday, Today));
    }

    [Fact]
    public void A_child_no_longer_linked_to_the_account_is_refused() =>
        Assert.Equal(DayReason.ChildNotLinked, MayAsk(Canteen, null, Thursday, Today)?.Code);

    [Fact]
    public void A_day_the_other_parent_booked_is_the_same_refusal_in_the_calendar_the_cart_and_the_confirmation()
    {
        var theirs = Line(OtherParent, Amalia, Canteen, Thursday, LineOutcome.Accepted);
        Assert.Equal(DayReason.TakenByOtherParent, MayAsk(Canteen, Amalia, Thursday, Today, theirs)?.Code);
        var cell = Cell(Canteen, Amalia, Thursday, Today, theirs);
        Assert.Equal((DayState.TakenByOtherParent, DayReason.TakenByOtherParent), (cell.State, cell.Reason?.Code));
        Assert.Same(BookingPolicy.TakenByOtherParent, cell.Reason);
    }

    [Fact]
    public void A_day_already_booked_by_this_family_is_not_asked_twice_and_shows_booked_then_locked()
    {
        var ours = Line(Family, Amalia, Canteen, Thursday, LineOutcome.Accepted);
        Assert.Equal(DayReason.AlreadyBooked, MayAsk(Canteen, Amalia, Thursday, Today, ours)?.Code);
        Assert.Equal(DayState.BookedChangeable, Cell(Canteen, Amalia, Thursday, Today, ours).State);
        var locked = Cell(Canteen, Amalia, Thursday, D(2024, 9, 10), ours);
        Assert.Equal((DayState.BookedLocked, DayReason.DeadlinePassed), (locked.State, locked.Reason?.Code));
    }

    [Fact]
    public void Waitlisted_and_refused_days_are_two_states_and_only_the_waitlisted_one_is_a_line_to_cancel()
    {
        var waiting = Cell(Canteen, Amalia, Thursday, Today, Line(Family, Amalia, Canteen, Thursday, LineOutcome.Waitlisted));
        Assert.Equal((DayState.Waitlisted, DayReason.Waitlisted), (waiting.State, waiting.Reason?.Code));
        var refused = Cell(Canteen, Amalia, Thursday, Today, Line(Family, Amalia, Canteen, Thursday, LineOutcome.Refused));
        Assert.Equal((DayState.Refused, DayReason.Refused), (refused.State, refused.Reason?.Code));
        // Another family's refusal is not this family's business.
        Assert.Equal(DayState.Available, Cell(Canteen, Amalia, Thursday, Today, Line(OtherParent, Amalia, Canteen, Thursday, LineOutcome.Refused)).State);
    }

    [Fact]
    public void A_full_day_offers_the_waitlist_while_it_has_room_then_is_refused()
    {
        var waitlist = Cell(NoPlaceWaitlistOpen, Amalia, Thursday, Today);
        Assert.Equal((DayState.WaitlistOnly, DayReason.WaitlistOpen, 0), (waitlist.State, waitlist.Reason?.Code, waitlist.RemainingPlaces));
        Assert.Null(BookingPolicy.Places(DaySlot.For(NoPlaceWaitlistOpen, Thursday)));

        var full = Cell(NoPlaceAtAll, Amalia, Thursday, Today);
        Assert.Equal((DayState.Full, DayReason.FullAndWaitlistFull), (full.State, full.Reason?.Code));
        Assert.Same(BookingPolicy.FullAndWaitlistFull, BookingPolicy.Places(DaySlot.For(NoPlaceAtAll, Thursday)));
    }

    [Fact]
    public void Remaining_places_come_from_the_day_slot()
    {
        Assert.Equal(36, Cell(Mercredi, Amalia, Wednesday, Today).RemainingPlaces);
        Assert.Null(Cell(Canteen, Amalia, Thursday, Today).RemainingPlaces); // unlimited
    }
}
