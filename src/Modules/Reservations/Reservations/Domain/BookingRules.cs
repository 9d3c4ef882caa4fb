using System.Globalization;
using PortailFamille.Reservations.Contracts;
using PortailFamille.BuildingBlocks.Text;

namespace PortailFamille.Reservations.Domain;

/// <summary>
/// Whether a day of an activity can be booked (or cancelled) today, and why not, from the guides:
/// booking by period "de vacances à vacances", from the period's opening day; at the latest 3 days
/// before the day for accueil, restauration and mercredi, 14 days before the start of the whole
/// holiday period for the holiday centre; closures and school holidays are not bookable.
/// </summary>
internal sealed class BookingRules(IReadOnlyList<BookingPeriod> periods, IReadOnlyList<Closure> closures, IReadOnlyList<SchoolHoliday> holidays)
{
    public const int DaysBeforeForDayActivities = 3;
    public const int DaysBeforeHolidayPeriod = 14;

    public sealed record Verdict(bool Runs, bool Open, DayRefusal? Refusal, DateOnly? Deadline)
    {
        public string? Reason => Refusal?.Message;
    }

    /// <summary>Does the activity run that day at all (period, weekday, closures, holidays)?</summary>
    public (bool Runs, BookingPeriod? Period, DayRefusal? Refusal) Runs(Activity activity, DateOnly day)
    {
        var period = periods.FirstOrDefault(p => p.StructureId == activity.StructureId && p.Kind == activity.PeriodKind && day >= p.StartsOn && day <= p.EndsOn);
        if (period is null) return (false, null, new(DayReason.NoPeriod, "Aucune période de réservation ne couvre ce jour."));
        if (!activity.RunsOn(day.DayOfWeek)) return (false, period, new(DayReason.NotOnWeekday, $"L'activité n'a pas lieu le {day.ToString("dddd", French.Culture)}."));
        var closure = closures.FirstOrDefault(c => c.StructureId == activity.StructureId && c.Day == day && (c.Kind is null || c.Kind == activity.Kind));
        if (closure is not null) return (false, period, new(DayReason.Closed, $"Fermé le {French.Day(day)} : {closure.Reason}."));
        if (activity.PeriodKind == BookingPeriodKind.SchoolTime && holidays.FirstOrDefault(h => h.Contains(day)) is { } holiday)
            return (false, period, new(DayReason.SchoolHoliday, $"Le {French.Day(day)} tombe pendant les {holiday.Name}."));
        return (true, period, null);
    }

    /// <summary>The last day on which the day can still be booked or cancelled.</summary>
    public static DateOnly DeadlineFor(Activity activity, BookingPeriod period, DateOnly day) =>
        activity.PeriodKind == BookingPeriodKind.Holidays
            ? period.StartsOn.AddDays(-DaysBeforeHolidayPeriod)
            : day.AddDays(-DaysBeforeForDayActivities);

    /// <summary>Can the day be booked or cancelled on <paramref name="today"/> (a day in Europe/Paris)?</summary>
    public Verdict Evaluate(Activity activity, DateOnly day, DateOnly today)
    {
        var (runs, period, refusal) = Runs(activity, day);
        if (!runs) return new Verdict(false, false, refusal, null);
        var deadline = DeadlineFor(activity, period!, day);
        if (today < period!.OpensOn)
            return new Verdict(true, false, new(DayReason.NotYetOpen, $"Les réservations de la {period.Name} ouvrent le {French.Day(period.OpensOn)}."), deadline);
        if (today > deadline)
            return new Verdict(true, false, new(DayReason.DeadlinePassed, activity.PeriodKind == BookingPeriodKind.Holidays
                ? $"Le {French.Day(day)} n'est plus réservable : les réservations des {period.Name} ferment 14 jours avant leur début, le {French.Day(deadline)}."
                : $"Le {French.Day(day)} n'est plus réservable : la réservation ferme 3 jours avant."), deadline);
        return new Verdict(true, true, null, deadline);
    }

    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        if (day < birthDate.AddYears(age)) age--;
        return age;
    }
}

/// <summary>
/// The years the portal books in (2000–2100): the calendar shows no other month, and no period or closure is kept
/// outside them, so the booking checks' date arithmetic (3 or 14 days' notice) never leaves <see cref="DateOnly"/>.
/// </summary>
internal static class CalendarYears
{
    public const int First = 2000;
    public const int Last = 2100;

    public static bool Contains(DateOnly day) => day.Year is >= First and <= Last;

    public static bool Contains(int year, int month) => year is >= First and <= Last && month is >= 1 and <= 12;

    public const string Message = "Choisissez une date entre 2000 et 2100.";
}
