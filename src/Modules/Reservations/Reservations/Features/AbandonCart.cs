using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Reservations.Features;

internal sealed class AbandonCartHandler(ReservationsDbContext db) : ICommandHandler<AbandonCart, Result>
{
    public async ValueTask<Result> Handle(AbandonCart command, CancellationToken cancellationToken)
    {
        await db.CartItems.Where(c => c.FamilyAccountId == command.FamilyAccountId).ExecuteDeleteAsync(cancellationToken);
        return Result.Success();
    }
}
