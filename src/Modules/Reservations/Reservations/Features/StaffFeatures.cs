using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.BuildingBlocks.Time;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;
using PortailFamille.Reservations.Persistence;
using Wolverine.EntityFrameworkCore;

namespace PortailFamille.Reservations.Features;

internal sealed class UpdateActivityCapacityValidator : AbstractValidator<UpdateActivityCapacity>
{
    public UpdateActivityCapacityValidator()
    {
        RuleFor(x => x.Capacity).GreaterThanOrEqualTo(0).When(x => x.Capacity is not null).WithMessage("Le nombre de places ne peut pas être négatif.");
        RuleFor(x => x.WaitlistSize).GreaterThanOrEqualTo(0).WithMessage("La taille de la liste d'attente ne peut pas être négative.");
    }
}

internal sealed class UpdateActivityCapacityHandler(ReservationsDbContext db, TimeProvider clock) : ICommandHandler<UpdateActivityCapacity, Result>
{
    public async ValueTask<Result> Handle(UpdateActivityCapacity command, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.SingleOrDefaultAsync(a => a.Id == command.ActivityId, cancellationToken);
        if (activity is null) return ReservationErrors.ActivityNotFound;
        activity.ChangeCapacity(command.Capacity, command.WaitlistSize);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // Future days take the new figures, each by a conditional update: a day never gets fewer places (or a shorter
        // waitlist) than it has already given, so a slot's accepted lines never exceed its capacity.
        var today = clock.TodayInParis();
        var (capacity, waitlist) = (command.Capacity, command.WaitlistSize);
        await db.DaySlots.Where(s => s.ActivityId == activity.Id && s.Day >= today && (capacity == null || s.Taken <= capacity) && s.Waitlisted <= waitlist)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Capacity, capacity).SetProperty(x => x.WaitlistSize, waitlist), cancellationToken);
        var tooFull = await db.DaySlots.AsNoTracking()
            .Where(s => s.ActivityId == activity.Id && s.Day >= today && ((capacity != null && s.Taken > capacity) || s.Waitlisted > waitlist))
            .OrderBy(s => s.Day).FirstOrDefaultAsync(cancellationToken);
        if (tooFull is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return ReservationErrors.CapacityBelowTaken(tooFull.Day, tooFull.Taken, tooFull.Waitlisted, capacity, waitlist);
        }

        await transaction.CommitAsync(cancellationToken);
        return Result.Success();
    }
}

internal sealed partial class CreateActivityValidator : AbstractValidator<CreateActivity>
{
    public CreateActivityValidator()
    {
        RuleFor(x => x.Code).Matches("^[A-Z0-9_]{2,40}$").WithMessage("Le code s'écrit en majuscules, chiffres et _ (2 à 40 caractères).");
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Le nom de l'activité est obligatoire.").MaximumLength(200).WithMessage("Le nom est trop long.");
        RuleFor(x => x.WalletCode).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Indiquez le porte-monnaie (ex. RESTAURATION, PERISCOLAIRE).").MaximumLength(40).WithMessage("Le porte-monnaie est trop long.");
        RuleFor(x => x.Capacity).GreaterThanOrEqualTo(0).When(x => x.Capacity is not null).WithMessage("Le nombre de places ne peut pas être négatif.");
        RuleFor(x => x.WaitlistSize).GreaterThanOrEqualTo(0).WithMessage("La taille de la liste d'attente ne peut pas être négative.");
        RuleFor(x => x.AgeMax).GreaterThanOrEqualTo(x => x.AgeMin).When(x => x.AgeMin is not null && x.AgeMax is not null).WithMessage("L'âge maximum doit être supérieur à l'âge minimum.");
        RuleFor(x => x.Weekdays).Matches("^[1-7](,[1-7])*$").WithMessage("Indiquez les jours de la semaine par leur numéro (1 = lundi … 7 = dimanche), séparés par des virgules.");
        RuleFor(x => x.ArrivalSlots).Must(BeSlots).WithMessage("Les heures d'arrivée s'écrivent HH:MM séparées par ;.");
        RuleFor(x => x.DepartureSlots).Must(BeSlots).WithMessage("Les heures de départ s'écrivent HH:MM séparées par ;.");
    }

    private static bool BeSlots(string? slots) => string.IsNullOrWhiteSpace(slots) || Slots().IsMatch(slots.Replace(" ", ""));

    [System.Text.RegularExpressions.GeneratedRegex("^([01][0-9]|2[0-3]):[0-5][0-9](;([01][0-9]|2[0-3]):[0-5][0-9])*$")]
    private static partial System.Text.RegularExpressions.Regex Slots();
}

internal sealed class CreateActivityHandler(ReservationsDbContext db, TimeProvider clock) : ICommandHandler<CreateActivity, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(CreateActivity command, CancellationToken cancellationToken)
    {
        if (await db.Activities.AnyAsync(a => a.StructureId == command.StructureId && a.Code == command.Code, cancellationToken))
            return Error.Conflict("reservations.activity_code_taken", $"Une activité de code {command.Code} existe déjà dans cette structure.");
        var activity = Activity.Create(Guid.CreateVersion7(clock.GetUtcNow()), command.StructureId, command.Code, command.Name.Trim(), command.Kind, command.DayPart,
            command.WalletCode.Trim().ToUpperInvariant(), command.Capacity, command.WaitlistSize, command.AgeMin, command.AgeMax,
            (command.ArrivalSlots ?? "").Replace(" ", ""), (command.DepartureSlots ?? "").Replace(" ", ""), command.Weekdays);
        db.Activities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return activity.Id;
    }
}

internal sealed class CreateBookingPeriodValidator : AbstractValidator<CreateBookingPeriod>
{
    public CreateBookingPeriodValidator()
    {
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Le nom de la période est obligatoire.").MaximumLength(200).WithMessage("Le nom est trop long.");
        RuleFor(x => x.EndsOn).GreaterThanOrEqualTo(x => x.StartsOn).WithMessage("La période doit finir après son premier jour.");
        RuleFor(x => x.OpensOn).LessThanOrEqualTo(x => x.StartsOn).WithMessage("Les réservations doivent ouvrir avant le premier jour de la période.");
        RuleFor(x => x.OpensOn).Must(CalendarYears.Contains).WithMessage(CalendarYears.Message);
        RuleFor(x => x.StartsOn).Must(CalendarYears.Contains).WithMessage(CalendarYears.Message);
        RuleFor(x => x.EndsOn).Must(CalendarYears.Contains).WithMessage(CalendarYears.Message);
    }
}

internal sealed class CreateBookingPeriodHandler(ReservationsDbContext db, TimeProvider clock, BookingRulesCache rules) : ICommandHandler<CreateBookingPeriod, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(CreateBookingPeriod command, CancellationToken cancellationToken)
    {
        var overlaps = await db.BookingPeriods.AnyAsync(p => p.StructureId == command.StructureId && p.Kind == command.Kind
            && p.StartsOn <= command.EndsOn && command.StartsOn <= p.EndsOn, cancellationToken);
        if (overlaps) return Error.Conflict("reservations.period_overlaps", "Cette période chevauche une période existante du même type.");
        var period = BookingPeriod.Create(Guid.CreateVersion7(clock.GetUtcNow()), command.StructureId, command.Name.Trim(), command.Kind, command.OpensOn, command.StartsOn, command.EndsOn);
        db.BookingPeriods.Add(period);
        await db.SaveChangesAsync(cancellationToken);
        rules.Invalidate();
        return period.Id;
    }
}

internal sealed class AddClosureValidator : AbstractValidator<AddClosure>
{
    public AddClosureValidator()
    {
        RuleFor(x => x.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Indiquez le motif de la fermeture.").MaximumLength(200).WithMessage("Le motif est trop long.");
        RuleFor(x => x.Day).Must(CalendarYears.Contains).WithMessage(CalendarYears.Message);
    }
}

internal sealed class AddClosureHandler(ReservationsDbContext db, TimeProvider clock, BookingRulesCache rules) : ICommandHandler<AddClosure, Result>
{
    public async ValueTask<Result> Handle(AddClosure command, CancellationToken cancellationToken)
    {
        var activities = await db.Activities.Where(a => a.StructureId == command.StructureId && (command.Kind == null || a.Kind == command.Kind))
            .Select(a => a.Id).ToListAsync(cancellationToken);
        var booked = await db.Bookings.CountAsync(b => activities.Contains(b.ActivityId) && b.Day == command.Day
            && (b.Outcome == LineOutcome.Accepted || b.Outcome == LineOutcome.Waitlisted), cancellationToken);
        if (booked > 0)
            return Error.Conflict("reservations.closure_has_bookings",
                $"{booked} réservation(s) existent ce jour-là : annulez-les avec les familles avant de fermer le jour.");
        db.Closures.Add(Closure.Create(Guid.CreateVersion7(clock.GetUtcNow()), command.StructureId, command.Day, command.Kind, command.Reason.Trim()));
        await db.SaveChangesAsync(cancellationToken);
        rules.Invalidate();
        return Result.Success();
    }
}

internal sealed class GetDaySheetHandler(ReservationsDbContext db, ISender sender) : IQueryHandler<GetDaySheet, Result<DaySheet>>
{
    public async ValueTask<Result<DaySheet>> Handle(GetDaySheet query, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.ActivityId, cancellationToken);
        if (activity is null) return ReservationErrors.ActivityNotFound;
        var lines = await db.Bookings.AsNoTracking()
            .Where(b => b.ActivityId == query.ActivityId && b.Day == query.Day && (b.Outcome == LineOutcome.Accepted || b.Outcome == LineOutcome.Waitlisted))
            .OrderBy(b => b.RequestedAt).ThenBy(b => b.Id)
            .ToListAsync(cancellationToken);
        var children = (await sender.Send(new GetChildrenByIds(lines.Select(l => l.ChildId).Distinct().ToList()), cancellationToken)).ToDictionary(c => c.Id);
        var health = (await sender.Send(new GetHealthFlags(children.Keys.ToList()), cancellationToken)).ToDictionary(h => h.ChildId);
        string Name(Guid id) => children.TryGetValue(id, out var c) ? $"{c.LastName} {c.FirstName}" : "Enfant";
        var expected = lines.Where(l => l.Outcome == LineOutcome.Accepted)
            .Select(l => health.TryGetValue(l.ChildId, out var h)
                ? new DaySheetLine(l.Id, l.ChildId, Name(l.ChildId), l.FamilyAccountId, l.Arrival, l.Departure, l.Attendance, h.HasPai, h.Allergies, h.DietaryNeeds)
                : new DaySheetLine(l.Id, l.ChildId, Name(l.ChildId), l.FamilyAccountId, l.Arrival, l.Departure, l.Attendance, false, null, null))
            .OrderBy(l => l.ChildName).ToList();
        var waitlist = lines.Where(l => l.Outcome == LineOutcome.Waitlisted)
            .Select(l => new WaitlistLine(l.Id, l.ChildId, Name(l.ChildId), l.RequestedAt)).ToList();
        return new DaySheet(activity.Id, activity.Name, query.Day, activity.Capacity, expected, waitlist);
    }
}

internal sealed class MarkAttendanceHandler(IDbContextOutbox<ReservationsDbContext> outbox, TimeProvider clock) : ICommandHandler<MarkAttendance, Result>
{
    public async ValueTask<Result> Handle(MarkAttendance command, CancellationToken cancellationToken)
    {
        var db = outbox.DbContext;
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == command.BookingId, cancellationToken);
        if (booking is null || booking.Outcome != LineOutcome.Accepted) return ReservationErrors.BookingNotFound;
        if (booking.Day > clock.TodayInParis())
            return Error.Validation("reservations.attendance_in_future", "La présence se pointe le jour même ou après.");
        var activity = await db.Activities.AsNoTracking().SingleAsync(a => a.Id == booking.ActivityId, cancellationToken);

        // Charged on booking: the day is already debited unless excused. Charged on attendance: nothing yet unless marked.
        var charged = activity.BillingMode == BillingMode.OnBooking ? booking.Attendance != Attendance.Excused : Booking.IsConsumed(booking.Attendance);
        var now = clock.GetUtcNow();
        var (before, after) = (booking.Attendance, (Attendance?)command.Attendance);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The mark moves from what was read to the new one, or not at all: two agents pointing the same child at
        // once (or a double click) publish one debit, never two.
        var moved = await db.Bookings.Where(b => b.Id == booking.Id && b.Outcome == LineOutcome.Accepted && b.Attendance == before)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Attendance, after).SetProperty(b => b.AttendanceMarkedAt, now), cancellationToken);
        if (moved == 0) return ReservationErrors.AttendanceChanged;

        var isConsumed = Booking.IsConsumed(command.Attendance);
        if (isConsumed && !charged)
            await outbox.PublishAsync(Charges.Recorded(activity, booking.FamilyAccountId, booking.ChildId, booking.Id, booking.Day, now));
        if (!isConsumed && charged)
            await outbox.PublishAsync(Charges.Withdrawn(activity, booking.FamilyAccountId, booking.Id, booking.Day, now));
        await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
        return Result.Success();
    }
}

internal sealed class PromoteWaitlistedBookingHandler(ReservationsDbContext db, ISender sender) : ICommandHandler<PromoteWaitlistedBooking, Result>
{
    public async ValueTask<Result> Handle(PromoteWaitlistedBooking command, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == command.BookingId, cancellationToken);
        if (booking is null) return ReservationErrors.BookingNotFound;
        var promoted = await sender.Send(new PromoteWaitlist(booking.ActivityId, booking.Day, booking.Id), cancellationToken);
        return promoted.IsSuccess ? Result.Success() : promoted.Error!;
    }
}

internal static class Charges
{
    public static ConsumptionRecorded Recorded(Activity activity, Guid familyAccountId, Guid childId, Guid bookingId, DateOnly day, DateTimeOffset at) =>
        new(bookingId, familyAccountId, childId, activity.StructureId, activity.Code, activity.Name, activity.WalletCode, day, at);

    public static ConsumptionWithdrawn Withdrawn(Activity activity, Guid familyAccountId, Guid bookingId, DateOnly day, DateTimeOffset at) =>
        new(bookingId, familyAccountId, activity.WalletCode, day, at);
}
