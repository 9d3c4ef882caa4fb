using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Reservations.Features;

internal sealed class CopyCartDaysHandler(ReservationsDbContext db, ReservationData data, TimeProvider clock) : ICommandHandler<CopyCartDays, Result<CartChange>>
{
    public async ValueTask<Result<CartChange>> Handle(CopyCartDays command, CancellationToken cancellationToken)
    {
        var children = await data.ChildrenAsync(command.FamilyAccountId, cancellationToken);
        var target = children.FirstOrDefault(c => c.Id == command.ToChildId);
        if (target is null || children.All(c => c.Id != command.FromChildId)) return ReservationErrors.ChildNotFound;
        var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == command.ToActivityId, cancellationToken);
        if (activity is null) return ReservationErrors.ActivityNotFound;

        var source = await db.CartItems.AsNoTracking()
            .Where(c => c.FamilyAccountId == command.FamilyAccountId && c.ChildId == command.FromChildId && c.ActivityId == command.FromActivityId && c.Action == BookingAction.Book)
            .ToListAsync(cancellationToken);
        if (source.Count == 0)
            return Error.Validation("reservations.nothing_to_copy", "Aucun jour à copier : ajoutez d'abord des jours au panier pour cet enfant et cette activité.");
        if (command.FromChildId == command.ToChildId && command.FromActivityId == command.ToActivityId)
            return Error.Validation("reservations.copy_to_itself", "Choisissez un autre enfant ou une autre activité comme destination.");

        var planner = await CartPlanner.LoadAsync(db, data, command.FamilyAccountId, target, activity, source.Select(s => s.Day), clock, cancellationToken);
        var change = planner.BookAll(source.ToDictionary(s => s.Day, s => (s.Arrival, s.Departure)));
        return await CartChanges.SaveAsync(db, change, cancellationToken);
    }
}
