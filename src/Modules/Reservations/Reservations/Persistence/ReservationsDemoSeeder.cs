using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Demo;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;

namespace PortailFamille.Reservations.Persistence;

/// <summary>
/// The five activity kinds and the 2024/2025 booking periods of the 2024 guide (PÉRIODE 1 to 5, exact
/// dates); holiday periods of the leisure centre follow the zone A calendar with the 14-day rule.
/// </summary>
internal sealed class ReservationsDemoSeeder(ReservationsDbContext db, TimeProvider clock) : IDemoSeeder
{
    public int Order => 30;

    // Restauration and accueils run on school days; there is no school on Wednesday.
    private const string SchoolDays = "1,2,4,5";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Activities.AnyAsync(cancellationToken)) return;

        var edu = DemoCatalog.Education.Id;
        var leisure = DemoCatalog.Leisure.Id;
        var n = 0;
        Guid Next() => DemoCatalog.IdFor("reservations", ++n);

        db.Activities.AddRange(
            Activity.Create(Next(), edu, "RESTAURATION", "RESTAURATION", ActivityKind.Canteen, DayPart.FullDay, "RESTAURATION", weekdays: SchoolDays),
            Activity.Create(Next(), edu, "ACCUEIL_MATIN", "ACCUEIL MATIN", ActivityKind.MorningCare, DayPart.Morning, "PERISCOLAIRE",
                arrivalSlots: "07:00;07:30;08:00;08:30", weekdays: SchoolDays),
            Activity.Create(Next(), edu, "ACCUEIL_SOIR", "ACCUEIL SOIR", ActivityKind.EveningCare, DayPart.Afternoon, "PERISCOLAIRE",
                departureSlots: "16:30;17:00;17:30;18:00;18:30", weekdays: SchoolDays),
            Activity.Create(Next(), edu, "MERCREDI_3_6", "MERCREDI 3/6 PIERRETTES", ActivityKind.WednesdayCentre, DayPart.FullDay, "PERISCOLAIRE",
                capacity: 24, waitlistSize: 8, ageMin: 3, ageMax: 6, weekdays: "3"),
            Activity.Create(Next(), edu, "MERCREDI_7_11", "MERCREDI 7/11 PIERRETTES", ActivityKind.WednesdayCentre, DayPart.FullDay, "PERISCOLAIRE",
                capacity: 36, waitlistSize: 10, ageMin: 7, ageMax: 11, weekdays: "3"),
            Activity.Create(Next(), leisure, "ALSH_3_6_MATIN", "ALSH 3-6 ans Matin", ActivityKind.HolidayCentre, DayPart.Morning, "PERISCOLAIRE",
                capacity: 16, waitlistSize: 6, ageMin: 3, ageMax: 6, arrivalSlots: "09:00", departureSlots: "13:30", billingMode: BillingMode.OnBooking),
            Activity.Create(Next(), leisure, "ALSH_3_6_APRES_MIDI", "ALSH 3-6 ans Après Midi", ActivityKind.HolidayCentre, DayPart.Afternoon, "PERISCOLAIRE",
                capacity: 16, waitlistSize: 6, ageMin: 3, ageMax: 6, arrivalSlots: "12:00", departureSlots: "17:30", billingMode: BillingMode.OnBooking),
            Activity.Create(Next(), leisure, "ALSH_3_6_JOURNEE", "ALSH 3-6 ans Journée", ActivityKind.HolidayCentre, DayPart.FullDay, "PERISCOLAIRE",
                capacity: 32, waitlistSize: 10, ageMin: 3, ageMax: 6, arrivalSlots: "09:00", departureSlots: "17:30", billingMode: BillingMode.OnBooking),
            Activity.Create(Next(), leisure, "ALSH_6_12_MATIN", "ALSH 6-12 ans Matin", ActivityKind.HolidayCentre, DayPart.Morning, "PERISCOLAIRE",
                capacity: 24, waitlistSize: 6, ageMin: 6, ageMax: 12, arrivalSlots: "09:00", departureSlots: "13:30", billingMode: BillingMode.OnBooking),
            Activity.Create(Next(), leisure, "ALSH_6_12_JOURNEE", "ALSH 6-12 ans Journée", ActivityKind.HolidayCentre, DayPart.FullDay, "PERISCOLAIRE",
                capacity: 48, waitlistSize: 12, ageMin: 6, ageMax: 12, arrivalSlots: "09:00", departureSlots: "17:30", billingMode: BillingMode.OnBooking));

        static DateOnly D(int y, int m, int d) => new(y, m, d);

        // guide nouveaux élèves 2024: "Pour l'année scolaire 2024/2025, le calendrier est défini comme suit"
        db.BookingPeriods.AddRange(
            BookingPeriod.Create(Next(), edu, "PÉRIODE 1", BookingPeriodKind.SchoolTime, D(2024, 8, 19), D(2024, 9, 2), D(2024, 10, 18)),
            BookingPeriod.Create(Next(), edu, "PÉRIODE 2", BookingPeriodKind.SchoolTime, D(2024, 10, 18), D(2024, 11, 4), D(2025, 1, 3)),
            BookingPeriod.Create(Next(), edu, "PÉRIODE 3", BookingPeriodKind.SchoolTime, D(2024, 12, 20), D(2025, 1, 6), D(2025, 3, 7)),
            BookingPeriod.Create(Next(), edu, "PÉRIODE 4", BookingPeriodKind.SchoolTime, D(2025, 2, 21), D(2025, 3, 10), D(2025, 5, 2)),
            BookingPeriod.Create(Next(), edu, "PÉRIODE 5", BookingPeriodKind.SchoolTime, D(2025, 4, 18), D(2025, 5, 5), D(2025, 7, 4)),
            // Leisure centre holidays (zone A 2024/2025); booking closes 14 days before each starts.
            BookingPeriod.Create(Next(), leisure, "VACANCES DE LA TOUSSAINT 2024", BookingPeriodKind.Holidays, D(2024, 8, 19), D(2024, 10, 21), D(2024, 10, 31)),
            BookingPeriod.Create(Next(), leisure, "VACANCES DE NOËL 2024", BookingPeriodKind.Holidays, D(2024, 10, 18), D(2024, 12, 23), D(2025, 1, 3)),
            BookingPeriod.Create(Next(), leisure, "VACANCES D'HIVER 2025", BookingPeriodKind.Holidays, D(2024, 12, 20), D(2025, 2, 24), D(2025, 3, 7)),
            BookingPeriod.Create(Next(), leisure, "VACANCES DE PRINTEMPS 2025", BookingPeriodKind.Holidays, D(2025, 2, 21), D(2025, 4, 22), D(2025, 5, 2)),
            BookingPeriod.Create(Next(), leisure, "VACANCES D'ÉTÉ 2025", BookingPeriodKind.Holidays, D(2025, 4, 18), D(2025, 7, 7), D(2025, 8, 29)));

        db.Closures.AddRange(
            // guide 2024: "le centre de loisirs sera exceptionnellement fermé le mercredi 4 septembre 2024"
            Closure.Create(Next(), edu, D(2024, 9, 4), ActivityKind.WednesdayCentre, "Fermeture exceptionnelle du centre de loisirs"),
            Closure.Create(Next(), edu, D(2024, 11, 11), null, "Armistice (jour férié)"),
            Closure.Create(Next(), edu, D(2025, 4, 21), null, "Lundi de Pâques (jour férié)"),
            Closure.Create(Next(), edu, D(2025, 5, 1), null, "Fête du travail (jour férié)"),
            Closure.Create(Next(), edu, D(2025, 5, 8), null, "Victoire 1945 (jour férié)"),
            Closure.Create(Next(), edu, D(2025, 5, 29), null, "Ascension (jour férié)"),
            Closure.Create(Next(), edu, D(2025, 6, 9), null, "Lundi de Pentecôte (jour férié)"),
            Closure.Create(Next(), leisure, D(2024, 12, 25), null, "Noël (jour férié)"),
            Closure.Create(Next(), leisure, D(2025, 1, 1), null, "Jour de l'an (jour férié)"),
            Closure.Create(Next(), leisure, D(2025, 7, 14), null, "Fête nationale (jour férié)"),
            Closure.Create(Next(), leisure, D(2025, 8, 15), null, "Assomption (jour férié)"));

        // The guide's periods are past: a period open around today keeps the demo bookable whenever it runs.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var demoStart = monday;
        var demoEnd = monday.AddDays(7 * 8 - 3);
        var demoHolidays = demoEnd.AddDays(3);
        db.BookingPeriods.AddRange(
            BookingPeriod.Create(Next(), edu, "PÉRIODE EN COURS (démonstration)", BookingPeriodKind.SchoolTime, demoStart.AddDays(-14), demoStart, demoEnd),
            BookingPeriod.Create(Next(), leisure, "VACANCES (démonstration)", BookingPeriodKind.Holidays, today.AddDays(-7), demoHolidays, demoHolidays.AddDays(11)));
        db.SchoolHolidays.Add(SchoolHoliday.Create(Next(), "vacances (démonstration)", demoHolidays.AddDays(-2), demoHolidays.AddDays(13)));

        // Zone A (Bordeaux) school holidays 2024/2025, first to last day without school.
        db.SchoolHolidays.AddRange(
            SchoolHoliday.Create(Next(), "vacances de la Toussaint", D(2024, 10, 19), D(2024, 11, 3)),
            SchoolHoliday.Create(Next(), "vacances de Noël", D(2024, 12, 21), D(2025, 1, 5)),
            SchoolHoliday.Create(Next(), "vacances d'hiver", D(2025, 2, 22), D(2025, 3, 9)),
            SchoolHoliday.Create(Next(), "vacances de printemps", D(2025, 4, 19), D(2025, 5, 4)),
            SchoolHoliday.Create(Next(), "vacances d'été", D(2025, 7, 5), D(2025, 8, 31)));

        await db.SaveChangesAsync(cancellationToken);
    }
}
