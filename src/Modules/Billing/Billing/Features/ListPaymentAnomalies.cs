using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;
using PortailFamille.Billing.Persistence;

namespace PortailFamille.Billing.Features;

internal sealed class ListPaymentAnomaliesHandler(BillingDbContext db) : IQueryHandler<ListPaymentAnomalies, IReadOnlyList<PaymentAnomalyView>>
{
    public async ValueTask<IReadOnlyList<PaymentAnomalyView>> Handle(ListPaymentAnomalies query, CancellationToken cancellationToken)
    {
        var rows = await db.PaymentAnomalies.AsNoTracking()
            .Join(db.CardPayments, a => a.CardPaymentId, p => p.Id, (a, p) => new { Anomaly = a, p.FamilyAccountId, p.PayerName })
            .OrderByDescending(x => x.Anomaly.ReceivedAt)
            .Take(Math.Clamp(query.Take, 1, 500))
            .ToListAsync(cancellationToken);
        return rows.Select(x => new PaymentAnomalyView(x.Anomaly.Id, x.Anomaly.ProviderEventId, x.Anomaly.CardPaymentId, x.FamilyAccountId, x.PayerName,
                x.Anomaly.Reason, x.Anomaly.ExpectedAmount, PaymentAnomaly.ExpectedCurrency, x.Anomaly.ReceivedAmountMinor, x.Anomaly.ReceivedCurrency, x.Anomaly.ReceivedAt))
            .ToList();
    }
}
