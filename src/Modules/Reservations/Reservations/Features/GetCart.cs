using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Contracts;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Persistence;
using PortailFamille.Reservations.Domain;

namespace PortailFamille.Reservations.Features;

internal sealed class GetCartHandler(ReservationsDbContext db, ReservationData data, ISender sender) : IQueryHandler<GetCart, CartView>
{
    public async ValueTask<CartView> Handle(GetCart query, CancellationToken cancellationToken)
    {
        var items = await db.CartItems.AsNoTracking()
            .Where(c => c.FamilyAccountId == query.FamilyAccountId)
            .Join(db.Activities, c => c.ActivityId, a => a.Id, (c, a) => new { Item = c, a.Name, a.Code, a.StructureId })
            .ToListAsync(cancellationToken);
        if (items.Count == 0) return new CartView([], [], 0m, 0m);

        var children = (await data.ChildrenAsync(query.FamilyAccountId, cancellationToken)).ToDictionary(c => c.Id);
        var prices = (await sender.Send(new PriceBookings(query.FamilyAccountId,
                items.Select(i => new BookingToPrice(i.Item.Id, i.StructureId, i.Code, i.Item.Day)).ToList()), cancellationToken))
            .ToDictionary(p => p.LineId);
        var lines = items
            .OrderBy(i => i.Item.Day).ThenBy(i => i.Name)
            .Select(i =>
            {
                var price = prices.GetValueOrDefault(i.Item.Id);
                return new CartLineView(i.Item.Id, i.Item.ChildId,
                    ChildNames.FirstLast(children, i.Item.ChildId),
                    i.Item.ActivityId, i.Name, i.Item.Day, i.Item.Action, price?.UnitPrice ?? 0m, price?.Bracket ?? "", i.Item.Arrival, i.Item.Departure);
            })
            .ToList();
        var bookings = lines.Where(l => l.Action == BookingAction.Book).ToList();
        var cancellations = lines.Where(l => l.Action == BookingAction.Cancel).ToList();
        return new CartView(bookings, cancellations, bookings.Sum(l => l.UnitPrice), cancellations.Sum(l => l.UnitPrice));
    }
}
