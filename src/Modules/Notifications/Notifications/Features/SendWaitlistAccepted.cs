using System.Globalization;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using PortailFamille.Accounts.Contracts;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Notifications.Mail;
using PortailFamille.Notifications.Templates;
using PortailFamille.Reservations.Contracts;
using PortailFamille.BuildingBlocks.Text;

namespace PortailFamille.Notifications.Features;

/// <summary>Guide: "Vous serez averti par l'envoi d'un mail automatique lorsque des réservations en liste d'attente seront acceptées."</summary>
internal sealed record SendWaitlistAccepted(WaitlistPromoted Promotion) : ICommand<Result>;

internal sealed class SendWaitlistAcceptedHandler(ISender sender, IMailSender mailSender, IOptions<MailOptions> options, TimeProvider clock,
    ILogger<SendWaitlistAcceptedHandler> logger) : ICommandHandler<SendWaitlistAccepted, Result>
{
    public async ValueTask<Result> Handle(SendWaitlistAccepted command, CancellationToken cancellationToken)
    {
        var promotion = command.Promotion;
        var account = await sender.Send(new GetFamilyAccount(promotion.FamilyAccountId), cancellationToken);
        var recipients = Recipients.AllOf(account);
        if (account is null || recipients.Count == 0)
        {
            logger.LogWarning("No valid e-mail to announce the waitlist promotion {BookingId}", promotion.BookingId);
            return Result.Success();
        }

        var day = promotion.Day.ToString("dddd d MMMM yyyy", French.Culture);
        var text = $"{account.HolderLastName} {account.HolderFirstName}\n\n"
            + $"Bonne nouvelle : une place s'est libérée. Votre demande en liste d'attente pour {promotion.ChildName} à l'activité {promotion.ActivityName} le {day} est acceptée.\n\n"
            + "Vous pouvez consulter l'état de vos réservations sur notre site Internet.\n\n" + MailContent.Footer + "\n";
        var html = $"<p>{System.Net.WebUtility.HtmlEncode(text).Replace("\n", "<br>")}</p>";
        var from = options.Value.FromAddress;
        var message = new MailContent("Réservation acceptée : une place s'est libérée", text, html)
            .ToMessage(from, recipients[0], clock.GetUtcNow(), $"waitlist-accepted.{promotion.BookingId:N}@{from.Domain}");
        message.AddOtherRecipients(recipients);
        await mailSender.SendAsync(message, cancellationToken);
        logger.LogInformation("Waitlist promotion {BookingId} announced to account {AccountId}", promotion.BookingId, promotion.FamilyAccountId);
        return Result.Success();
    }
}

/// <summary>Wolverine adapter (public), runs in the Worker.</summary>
public static class WaitlistPromotedHandler
{
    public static async Task Handle(WaitlistPromoted message, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new SendWaitlistAccepted(message), cancellationToken)).ThrowIfFailure();
}
