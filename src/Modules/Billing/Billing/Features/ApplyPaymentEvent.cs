using System.Text.Json;
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
        if (!IsAuthentic(command)) return BillingErrors.BadSignature;
        if (Parse(command.Payload) is not { } verified) return BillingErrors.BadPayload;

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

    private bool IsAuthentic(ApplyPaymentEvent command)
    {
        if (string.IsNullOrWhiteSpace(command.Payload) || string.IsNullOrWhiteSpace(command.SignatureHeader))
        {
            logger.LogWarning("Payment event refused: no payload or no signature");
            return false;
        }

        try
        {
            // The clock is the injected one, so the 5-minute window follows it.
            EventUtility.ValidateSignature(command.Payload, command.SignatureHeader, options.Value.WebhookSecret,
                ToleranceSeconds, clock.GetUtcNow().ToUnixTimeSeconds());
            return true;
        }
        catch (StripeException ex)
        {
            logger.LogWarning("Payment event refused: {Reason}", ex.Message);
            return false;
        }
    }

    /// <summary>
    /// An authentic body is still only an event if it is a JSON object naming itself one, with an id and a
    /// type: checked before Stripe.net reads it (it throws JSON reader exceptions of its own, a 500 otherwise).
    /// </summary>
    private Event? Parse(string payload)
    {
        try
        {
            using (var document = JsonDocument.Parse(payload))
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("object", out var kind) || kind.ValueKind != JsonValueKind.String || kind.GetString() != "event"
                    || !root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(id.GetString())
                    || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(type.GetString()))
                {
                    logger.LogWarning("Payment event refused: a signed body that is not a provider event");
                    return null;
                }
            }

            // Another API release train is accepted.
            return EventUtility.ParseEvent(payload, throwOnApiVersionMismatch: false);
        }
        catch (Exception ex) when (ex is JsonException or Newtonsoft.Json.JsonException or StripeException)
        {
            logger.LogWarning("Payment event refused: a signed body that is not a provider event ({Reason})", ex.Message);
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

        // Checked first, whatever the payment's state: money taken in another amount or currency is for the régie to see.
        if (payment.CheckReceived(session.AmountTotal, session.Currency) is { } reason)
            return await RecordAnomalyAsync(eventId, payment, reason, session, ct);

        // Another event (or an earlier delivery) paid it already: a payment is credited once.
        if (payment.Status == CardPaymentStatus.Paid) return PaymentEventOutcome.AlreadyApplied;

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

    /// <summary>
    /// Nothing credited; the anomaly is recorded once per provider event, by its unique index (a redelivery,
    /// even concurrent, fails the insert and changes nothing). Answered 200: the provider would retry forever.
    /// </summary>
    private async Task<Result<PaymentEventOutcome>> RecordAnomalyAsync(string eventId, CardPayment payment, PaymentAnomalyReason reason, Session session, CancellationToken ct)
    {
        var db = outbox.DbContext;
        var now = clock.GetUtcNow();
        db.PaymentAnomalies.Add(PaymentAnomaly.Record(Guid.CreateVersion7(now), eventId, payment, reason, session.AmountTotal, session.Currency, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.PaymentAnomalies.AsNoTracking().AnyAsync(a => a.ProviderEventId == eventId, ct)) throw;
            return PaymentEventOutcome.Anomaly;
        }

        logger.LogError("Payment event {EventId} for card payment {PaymentId} of {Total} EUR not credited: {Reason} ({Amount} {Currency} received)",
            eventId, payment.Id, payment.Total, reason, session.AmountTotal, session.Currency);
        return PaymentEventOutcome.Anomaly;
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
