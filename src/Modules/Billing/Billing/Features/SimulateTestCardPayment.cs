using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;
using PortailFamille.Billing.Payments;
using PortailFamille.Billing.Persistence;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Billing.Features;

internal sealed class GetTestGatewayPaymentHandler(BillingDbContext db, IOptions<PaymentOptions> options)
    : IQueryHandler<GetTestGatewayPayment, CardPaymentView?>
{
    public async ValueTask<CardPaymentView?> Handle(GetTestGatewayPayment query, CancellationToken cancellationToken)
    {
        // With Stripe configured, or the test gateway turned off, its page does not exist.
        if (!options.Value.TestGatewayAvailable) return null;
        var payment = await db.CardPayments.AsNoTracking()
            .Include(p => p.Lines)
            .SingleOrDefaultAsync(p => p.Id == query.PaymentId && p.FamilyAccountId == query.FamilyAccountId
                && p.Gateway == PaymentGatewayKind.Test, cancellationToken);
        return payment?.ToView();
    }
}

internal sealed class SimulateTestCardPaymentHandler(BillingDbContext db, IOptions<PaymentOptions> options, ISender sender, TimeProvider clock)
    : ICommandHandler<SimulateTestCardPayment, Result<PaymentEventOutcome>>
{
    public async ValueTask<Result<PaymentEventOutcome>> Handle(SimulateTestCardPayment command, CancellationToken cancellationToken)
    {
        if (!options.Value.TestGatewayAvailable) return BillingErrors.TestGatewayDisabled;
        var payment = await db.CardPayments.AsNoTracking()
            .Include(p => p.Lines)
            .SingleOrDefaultAsync(p => p.Id == command.PaymentId && p.FamilyAccountId == command.FamilyAccountId
                && p.Gateway == PaymentGatewayKind.Test, cancellationToken);
        if (payment is null) return BillingErrors.NotFound;
        // Paid or given up: the page only offers to pay a pending payment.
        if (payment.Status != CardPaymentStatus.Pending) return PaymentEventOutcome.Ignored;

        // Built and signed like Stripe's webhook, then applied by the webhook's command: the credit comes from a verified event.
        var now = clock.GetUtcNow();
        var payload = TestGatewayEvents.CheckoutCompleted(payment, now);
        var signature = TestGatewayEvents.Sign(payload, options.Value.WebhookSecret, now);
        return await sender.Send(new ApplyPaymentEvent(payload, signature), cancellationToken);
    }
}
