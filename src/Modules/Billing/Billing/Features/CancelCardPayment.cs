using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Persistence;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Billing.Features;

internal sealed class CancelCardPaymentHandler(BillingDbContext db) : ICommandHandler<CancelCardPayment, Result>
{
    public async ValueTask<Result> Handle(CancelCardPayment command, CancellationToken cancellationToken)
    {
        var payment = await db.CardPayments
            .SingleOrDefaultAsync(p => p.Id == command.PaymentId && p.FamilyAccountId == command.FamilyAccountId, cancellationToken);
        if (payment is null) return Domain.BillingErrors.NotFound;
        // Already paid or cancelled: nothing to do, the return page tells which.
        if (!payment.Cancel()) return Result.Success();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A verified payment event won the race: the payment stays paid.
        }

        return Result.Success();
    }
}
