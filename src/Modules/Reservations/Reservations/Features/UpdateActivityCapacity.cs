using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.BuildingBlocks.Time;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;
using PortailFamille.Reservations.Persistence;

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
