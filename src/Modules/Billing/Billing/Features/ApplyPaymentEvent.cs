using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;
using PortailFamille.Billing.Payments;
using PortailFamille.Billing.Persistence;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.BuildingBlocks.Time;
using Stripe;
using Stripe.Checkout;
using Wolverine.EntityFrameworkCore;

namespace PortailFamille.Billing.Features;

internal sealed class ApplyPaymentEventHandler(
    IDbContextOutbox<BillingDbContext> outbox,
    IOptions<PaymentOptions> options,
    TimeProvider clock,
    ILogger<ApplyPaymentEventHandler> logger) : ICommandHandler<ApplyPaymentEvent, Result<PaymentEventOutcome>>
{
    /// <summary>Stripe's own tolerance: a signed event older than 5 minutes is a replay.</summary>
    private const long ToleranceSeconds = 300;

    public async ValueTask<Result<PaymentEventOutcome>> Handle(ApplyPaymentEvent command, CancellationToken cancellationToken)
    {
        if (!options.Value.CardPaymentsAvailable) return BillingErrors.CardPaymentsDisabled;
        var verified = Verify(command);
        if (verified is null) return BillingErrors.BadSignature;

        switch (verified.Type)
        {
            case EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionAsyncPaymentSucceeded:
                if (SessionOf(verified) is not { } paidSession) return PaymentEventOutcome.Ignored;
                // A delayed payment method completes the checkout unpaid: async_payment_succeeded credits it later.
                if (paidSession.PaymentStatus != "paid") return PaymentEventOutcome.Ignored;
                return await CreditAsync(verified.Id, paidSession, cancellationToken);
            case EventTypes.CheckoutSessionExpired:
                if (SessionOf(verified) is not { } expired) return PaymentEventOutcome.Ignored;
                return await CancelAsync(expired, cancellationToken);
            default:
                return PaymentEventOutcome.Ignored;
        }
    }

    private Event? Verify(ApplyPaymentEvent command)
    {
        if (string.IsNullOrWhiteSpace(command.Payload) || string.IsNullOrWhiteSpace(command.SignatureHeader))
        {
            logger.LogWarning("Payment event refused: no payload or no signature");
            return null;
        }

        try
        {
            // The clock is the injected one, so the 5-minute window follows it; another API release train is accepted.
            return EventUtility.ConstructEvent(command.Payload, command.SignatureHeader, options.Value.WebhookSecret,
                ToleranceSeconds, clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException ex)
        {
            logger.LogWarning("Payment event refused: {Reason}", ex.Message);
            return null;
        }
    }

    private Session? SessionOf(Event verified)
    {
        if (verified.Data?.Object is Session session) return session;
        logger.LogWarning("Payment event {EventId} ({Type}) carries no checkout session", verified.Id, verified.Type);
        return null;
    }

    private Guid? PaymentIdOf(Session session)
    {
        if (session.Metadata is { } metadata && metadata.TryGetValue(CheckoutMetadata.PaymentId, out var value) && Guid.TryParse(value, out var id))
            return id;
        logger.LogWarning("Checkout session {SessionId} names no card payment", session.Id);
        return null;
    }

    private async Task<Result<PaymentEventOutcome>> CreditAsync(string eventId, Session session, CancellationToken ct)
    {
        if (PaymentIdOf(session) is not { } paymentId) return PaymentEventOutcome.Ignored;
        var db = outbox.DbContext;
        var payment = await db.CardPayments.Include(p => p.Lines).SingleOrDefaultAsync(p => p.Id == paymentId, ct);
        if (payment is null)
        {
            logger.LogWarning("Payment event {EventId} names unknown card payment {PaymentId}", eventId, paymentId);
            return PaymentEventOutcome.Ignored;
        }

        // Another event (or an earlier delivery) paid it already: a payment is credited once.
        if (payment.Status == CardPaymentStatus.Paid) return PaymentEventOutcome.AlreadyApplied;
        if (session.AmountTotal is { } cents && cents != CheckoutMetadata.Cents(payment.Total))
        {
            logger.LogError("Payment event {EventId}: {Cents} cents paid for card payment {PaymentId} of {Total} €; not credited",
                eventId, cents, paymentId, payment.Total);
            return PaymentEventOutcome.Ignored;
        }

        // Every read before the first publish: publishing opens the transaction the change commits in.
        var now = clock.GetUtcNow();
        var wallets = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var line in payment.Lines)
            wallets[line.WalletCode] = (await Wallets.OpenAsync(db, payment.FamilyAccountId, line.WalletCode, clock, ct)).Id;

        payment.AttachProviderReference(payment.ProviderReference ?? session.Id);
        payment.MarkPaid(eventId, now);
        foreach (var line in payment.Lines)
        {
            db.LedgerEntries.Add(LedgerEntry.Payment(Guid.CreateVersion7(now), wallets[line.WalletCode], line.Amount, DateOnly.FromDateTime(now.ToParis().DateTime), now,
                PaymentMode.Card, payment.Reference, payment.PayerName, bankName: null, sourceId: SourceId(eventId, line.WalletCode)));
        }

        await outbox.PublishAsync(new PaymentReceived(payment.Id, payment.FamilyAccountId, payment.Total,
            payment.Lines.Select(l => new WalletAmount(l.WalletCode, l.Amount)).ToList(), now, payment.Reference));
        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent delivery committed first (unique source id, or the payment's version moved):
            // nothing of this one is kept, the event is not published twice.
            if (db.Database.CurrentTransaction is not null) await db.Database.RollbackTransactionAsync(ct);
            db.ChangeTracker.Clear();
            if (await db.CardPayments.AsNoTracking().AnyAsync(p => p.Id == paymentId && p.Status == CardPaymentStatus.Paid, ct))
                return PaymentEventOutcome.AlreadyApplied;
            throw;
        }

        logger.LogInformation("Card payment {PaymentId} of {Total} € credited from event {EventId}", payment.Id, payment.Total, eventId);
        return PaymentEventOutcome.Credited;
    }

    private async Task<Result<PaymentEventOutcome>> CancelAsync(Session session, CancellationToken ct)
    {
        if (PaymentIdOf(session) is not { } paymentId) return PaymentEventOutcome.Ignored;
        var db = outbox.DbContext;
        var payment = await db.CardPayments.SingleOrDefaultAsync(p => p.Id == paymentId, ct);
        if (payment is null || !payment.Cancel()) return PaymentEventOutcome.Ignored;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PaymentEventOutcome.Ignored;
        }

        return PaymentEventOutcome.Cancelled;
    }

    /// <summary>One ledger entry per provider event and wallet: unique, so a redelivery credits nothing more.</summary>
    public static string SourceId(string eventId, string walletCode) => $"card:{eventId}:{walletCode}";
}
