using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Contracts;
using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Billing.Features;

internal sealed class GetBalanceEstimateHandler(ISender sender) : IQueryHandler<GetBalanceEstimate, BalanceEstimate>
{
    public async ValueTask<BalanceEstimate> Handle(GetBalanceEstimate query, CancellationToken cancellationToken)
    {
        var wallets = await sender.Send(new GetWalletBalances(query.FamilyAccountId), cancellationToken);
        var bookings = await sender.Send(new ListUndebitedBookings(query.FamilyAccountId, query.UpTo), cancellationToken);
        var prices = bookings.Count == 0 ? [] : (await sender.Send(new PriceBookings(query.FamilyAccountId,
            bookings.Select(b => new BookingToPrice(b.BookingId, b.StructureId, b.ActivityCode, b.Day)).ToList()), cancellationToken)).ToDictionary(p => p.LineId, p => p.UnitPrice);

        var codes = wallets.Select(w => w.Code).Union(bookings.Select(b => b.WalletCode)).Order(StringComparer.Ordinal);
        var estimates = codes.Select(code =>
        {
            var wallet = wallets.FirstOrDefault(w => w.Code == code);
            var lines = bookings.Where(b => b.WalletCode == code).ToList();
            return new WalletEstimate(code, wallet?.Label ?? code, wallet?.Balance ?? 0m, lines.Sum(b => prices.GetValueOrDefault(b.BookingId)), lines.Count);
        }).ToList();
        return new BalanceEstimate(query.UpTo, estimates);
    }
}
