using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PortailFamille.Accounts.Contracts;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Notifications.Contracts;
using PortailFamille.Notifications.Mail;
using PortailFamille.Notifications.Templates;

namespace PortailFamille.Notifications.Features;

internal sealed record SendBroadcastMail(BroadcastMailRequested Request) : ICommand<Result>;

internal sealed class SendBroadcastMailHandler(ISender sender, IMailSender mailSender, IOptions<MailOptions> options, TimeProvider clock,
    ILogger<SendBroadcastMailHandler> logger) : ICommandHandler<SendBroadcastMail, Result>
{
    public async ValueTask<Result> Handle(SendBroadcastMail command, CancellationToken cancellationToken)
    {
        var request = command.Request;
        var account = await sender.Send(new GetFamilyAccount(request.FamilyAccountId), cancellationToken);
        var recipients = Recipients.AllOf(account);
        if (account is null || recipients.Count == 0)
        {
            logger.LogWarning("No valid e-mail for broadcast {BroadcastId} to account {AccountId}", request.BroadcastId, request.FamilyAccountId);
            return Result.Success();
        }

        var text = $"{account.HolderLastName} {account.HolderFirstName}\n\n{request.Body}\n\n{MailContent.Footer}\n";
        var html = $"<p>{System.Net.WebUtility.HtmlEncode(text).Replace("\n", "<br>")}</p>";
        var from = options.Value.FromAddress;
        // One copy per broadcast and family: a redelivered request yields the same Message-Id.
        var message = new MailContent(request.Subject, text, html)
            .ToMessage(from, recipients[0], clock.GetUtcNow(), $"broadcast.{request.BroadcastId:N}.{request.FamilyAccountId:N}@{from.Domain}");
        message.AddOtherRecipients(recipients);
        await mailSender.SendAsync(message, cancellationToken);
        return Result.Success();
    }
}

/// <summary>Wolverine adapter (public), runs in the Worker.</summary>
public static class BroadcastMailRequestedHandler
{
    public static async Task Handle(BroadcastMailRequested message, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new SendBroadcastMail(message), cancellationToken)).ThrowIfFailure();
}
