using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;
using PortailFamille.Billing.Payments;
using PortailFamille.Billing.Persistence;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.BuildingBlocks.Web;

namespace PortailFamille.Billing.Features;

internal sealed class StartCardPaymentValidator : AbstractValidator<StartCardPayment>
{
    public StartCardPaymentValidator()
    {
        RuleFor(x => x.FamilyAccountId).NotEmpty();
        RuleFor(x => x.Amounts).NotNull().WithMessage("Indiquez le montant de votre règlement.");
        RuleForEach(x => x.Amounts)
            .Must(a => a is not null && !string.IsNullOrWhiteSpace(a.WalletCode))
            .WithMessage("Chaque montant indique son porte-monnaie.");
    }
}

internal sealed class StartCardPaymentHandler(
    BillingDbContext db,
    IPaymentGateway gateway,
    IPayerNames payers,
    PortalOptions portal,
    Microsoft.Extensions.Options.IOptions<Payments.PaymentOptions> options,
    TimeProvider clock,
    ILogger<StartCardPaymentHandler> logger)
    : ICommandHandler<StartCardPayment, Result<CardPaymentStarted>>
{
    public async ValueTask<Result<CardPaymentStarted>> Handle(StartCardPayment command, CancellationToken cancellationToken)
    {
        if (!options.Value.CardPaymentsAvailable) return BillingErrors.CardPaymentsDisabled;
        var owed = await OwedAmounts.ForFamilyAsync(db, command.FamilyAccountId, cancellationToken);
        var now = clock.GetUtcNow();
        var payer = await payers.NameOfAsync(command.FamilyAccountId, cancellationToken);
        var started = CardPayment.Start(Guid.CreateVersion7(now), command.FamilyAccountId, gateway.Kind, command.Amounts, owed, payer, now);
        if (started.IsFailure) return started.Error!;

        // Recorded before the provider's page opens: its webhook event can only name a known payment.
        var payment = started.Value;
        db.CardPayments.Add(payment);
        await db.SaveChangesAsync(cancellationToken);

        var returnBaseUrl = (string.IsNullOrWhiteSpace(command.ReturnBaseUrl) ? portal.PublicUrl : command.ReturnBaseUrl).TrimEnd('/');
        GatewaySession session;
        try
        {
            session = await gateway.OpenAsync(payment, returnBaseUrl, cancellationToken);
        }
        catch (Exception ex) when (ex is Stripe.StripeException or HttpRequestException)
        {
            logger.LogError(ex, "Payment provider unavailable for card payment {PaymentId}", payment.Id);
            payment.Cancel();
            await db.SaveChangesAsync(cancellationToken);
            return BillingErrors.GatewayUnavailable;
        }

        payment.AttachProviderReference(session.ProviderReference);
        await db.SaveChangesAsync(cancellationToken);
        return new CardPaymentStarted(payment.Id, session.RedirectUrl);
    }
}

/// <summary>Who pays, as the payments history shows it: the account holder.</summary>
internal interface IPayerNames
{
    Task<string> NameOfAsync(Guid familyAccountId, CancellationToken cancellationToken);
}

/// <summary>Asks the Accounts module (its contract, never its tables) for the holder's name, "NOM Prénom".</summary>
internal sealed class AccountHolderNames(ISender sender) : IPayerNames
{
    public async Task<string> NameOfAsync(Guid familyAccountId, CancellationToken cancellationToken) =>
        await sender.Send(new GetFamilyAccount(familyAccountId), cancellationToken) is { } account
            ? $"{account.HolderLastName} {account.HolderFirstName}".Trim()
            : "";
}
