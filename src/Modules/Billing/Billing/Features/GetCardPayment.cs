using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Persistence;

namespace PortailFamille.Billing.Features;

internal sealed class GetCardPaymentHandler(BillingDbContext db) : IQueryHandler<GetCardPayment, CardPaymentView?>
{
    public async ValueTask<CardPaymentView?> Handle(GetCardPayment query, CancellationToken cancellationToken)
    {
        // A family reads its own payments only: another family's id answers as an unknown one.
        var payment = await db.CardPayments.AsNoTracking()
            .Include(p => p.Lines)
            .SingleOrDefaultAsync(p => p.Id == query.PaymentId && p.FamilyAccountId == query.FamilyAccountId, cancellationToken);
        return payment?.ToView();
    }
}
