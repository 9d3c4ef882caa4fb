using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Billing.Contracts;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Notifications.Mail;
using PortailFamille.Notifications.Templates;

namespace PortailFamille.Notifications.Features;

/// <summary>Mails the receipt of a card payment to the first e-mail of the family account, and to it only.</summary>
internal sealed record SendPaymentReceipt(PaymentReceived Payment) : ICommand<Result>;

internal sealed class SendPaymentReceiptHandler(
    ISender sender,
    IMailSender mailSender,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<SendPaymentReceiptHandler> logger) : ICommandHandler<SendPaymentReceipt, Result>
{
    public async ValueTask<Result> Handle(SendPaymentReceipt command, CancellationToken cancellationToken)
    {
        var payment = command.Payment;
        var account = await sender.Send(new GetFamilyAccount(payment.FamilyAccountId), cancellationToken);
        // Profile rule: every address gets the reports, only the first one gets payment receipts.
        var first = account?.Emails.FirstOrDefault(e => !string.IsNullOrWhiteSpace(e));
        if (account is null || first is null || !MailboxAddress.TryParse(first.Trim(), out var recipient) || string.IsNullOrEmpty(recipient.Domain))
        {
            // Retrying would not give the account an address: the payment stays credited, only the mail is skipped.
            logger.LogWarning("No valid e-mail for the receipt of card payment {PaymentId} (account {AccountId})",
                payment.PaymentId, payment.FamilyAccountId);
            return Result.Success();
        }

        var holder = $"{account.HolderFirstName} {account.HolderLastName}".Trim();
        recipient.Name = holder;
        var from = options.Value.FromAddress;
        // One receipt per payment: a redelivered event yields the same Message-Id.
        var messageId = $"payment-receipt.{payment.PaymentId:N}@{from.Domain}";
        var message = PaymentReceiptMail.Render(payment, holder).ToMessage(from, recipient, clock.GetUtcNow(), messageId);

        await mailSender.SendAsync(message, cancellationToken);
        logger.LogInformation("Receipt of card payment {PaymentId} sent for account {AccountId}", payment.PaymentId, payment.FamilyAccountId);
        return Result.Success();
    }
}

/// <summary>Wolverine adapter (public: Wolverine only runs public handlers); runs in the Worker.</summary>
public static class PaymentReceivedHandler
{
    public static async Task Handle(PaymentReceived message, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new SendPaymentReceipt(message), cancellationToken)).ThrowIfFailure();
}
