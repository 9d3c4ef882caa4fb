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
        // Future days take the new figures; places already taken stay taken (a lower capacity only stops new bookings).
        var today = clock.TodayInParis();
        await db.DaySlots.Where(s => s.ActivityId == activity.Id && s.Day >= today)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Capacity, command.Capacity).SetProperty(x => x.WaitlistSize, command.WaitlistSize), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Success();
    }
}

internal sealed class CreateBookingPeriodValidator : AbstractValidator<CreateBookingPeriod>
{
    public CreateBookingPeriodValidator()
    {
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Le nom de la période est obligatoire.").MaximumLength(200).WithMessage("Le nom est trop long.");
        RuleFor(x => x.EndsOn).GreaterThanOrEqualTo(x => x.StartsOn).WithMessage("La période doit finir après son premier jour.");
        RuleFor(x => x.OpensOn).LessThanOrEqualTo(x => x.StartsOn).WithMessage("Les réservations doivent ouvrir avant le premier jour de la période.");
    }
}

internal sealed class CreateBookingPeriodHandler(ReservationsDbContext db, TimeProvider clock) : ICommandHandler<CreateBookingPeriod, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(CreateBookingPeriod command, CancellationToken cancellationToken)
    {
        var overlaps = await db.BookingPeriods.AnyAsync(p => p.StructureId == command.StructureId && p.Kind == command.Kind
            && p.StartsOn <= command.EndsOn && command.StartsOn <= p.EndsOn, cancellationToken);
        if (overlaps) return Error.Conflict("reservations.period_overlaps", "Cette période chevauche une période existante du même type.");
        var period = BookingPeriod.Create(Guid.CreateVersion7(clock.GetUtcNow()), command.StructureId, command.Name.Trim(), command.Kind, command.OpensOn, command.StartsOn, command.EndsOn);
        db.BookingPeriods.Add(period);
        await db.SaveChangesAsync(cancellationToken);
        return period.Id;
    }
}

internal sealed class AddClosureValidator : AbstractValidator<AddClosure>
{
    public AddClosureValidator() =>
        RuleFor(x => x.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Indiquez le motif de la fermeture.").MaximumLength(200).WithMessage("Le motif est trop long.");
}

internal sealed class AddClosureHandler(ReservationsDbContext db, TimeProvider clock) : ICommandHandler<AddClosure, Result>
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
        string Name(Guid id) => children.TryGetValue(id, out var c) ? $"{c.LastName} {c.FirstName}" : "Enfant";
        var expected = lines.Where(l => l.Outcome == LineOutcome.Accepted)
            .Select(l => new DaySheetLine(l.Id, l.ChildId, Name(l.ChildId), l.FamilyAccountId, l.Arrival, l.Departure, l.Attendance))
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
        var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == command.BookingId, cancellationToken);
        if (booking is null || booking.Outcome != LineOutcome.Accepted) return ReservationErrors.BookingNotFound;
        if (booking.Day > clock.TodayInParis())
            return Error.Validation("reservations.attendance_in_future", "La présence se pointe le jour même ou après.");
        var activity = await db.Activities.AsNoTracking().SingleAsync(a => a.Id == booking.ActivityId, cancellationToken);

        var wasConsumed = Booking.IsConsumed(booking.Attendance);
        var now = clock.GetUtcNow();
        booking.MarkAttendance(command.Attendance, now);
        var isConsumed = Booking.IsConsumed(command.Attendance);
        if (isConsumed && !wasConsumed)
            await outbox.PublishAsync(new ConsumptionRecorded(booking.Id, booking.FamilyAccountId, booking.ChildId, activity.StructureId, activity.Code, activity.Name, activity.WalletCode, booking.Day, now));
        if (!isConsumed && wasConsumed)
            await outbox.PublishAsync(new ConsumptionWithdrawn(booking.Id, booking.FamilyAccountId, activity.WalletCode, booking.Day, now));
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
