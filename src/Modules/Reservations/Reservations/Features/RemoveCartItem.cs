using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Reservations.Features;

internal sealed class RemoveCartItemHandler(ReservationsDbContext db) : ICommandHandler<RemoveCartItem, Result>
{
    public async ValueTask<Result> Handle(RemoveCartItem command, CancellationToken cancellationToken)
    {
        var removed = await db.CartItems.Where(c => c.Id == command.ItemId && c.FamilyAccountId == command.FamilyAccountId).ExecuteDeleteAsync(cancellationToken);
        return removed == 1 ? Result.Success() : ReservationErrors.CartItemNotFound;
    }
}
