using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using PortailFamille.Accounts.Contracts;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Notifications.Mail;
using PortailFamille.Notifications.Templates;
using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Notifications.Features;

/// <summary>The nightly report of one family and structure, to every e-mail of the profile.</summary>
internal sealed record SendTransmissionReport(LinesTransmitted Run) : ICommand<Result>;

internal sealed class SendTransmissionReportHandler(ISender sender, IMailSender mailSender, IOptions<MailOptions> options, TimeProvider clock,
    ILogger<SendTransmissionReportHandler> logger) : ICommandHandler<SendTransmissionReport, Result>
{
    public async ValueTask<Result> Handle(SendTransmissionReport command, CancellationToken cancellationToken)
    {
        var run = command.Run;
        var account = await sender.Send(new GetFamilyAccount(run.FamilyAccountId), cancellationToken);
        var recipients = Recipients.AllOf(account);
        if (account is null || recipients.Count == 0)
        {
            logger.LogWarning("No valid e-mail for the transmission report of account {AccountId}", run.FamilyAccountId);
            return Result.Success();
        }

        var structure = (await sender.Send(new ListStructures(), cancellationToken)).FirstOrDefault(s => s.Id == run.StructureId)?.Name ?? "Portail Famille";
        var holder = $"{account.HolderLastName} {account.HolderFirstName}";
        var text = TransmissionReport.Text(holder, structure, run.Lines) + "\n" + MailContent.Footer + "\n";
        var html = $"<pre style=\"font-family: monospace; white-space: pre-wrap\">{System.Net.WebUtility.HtmlEncode(text)}</pre>";
        var from = options.Value.FromAddress;
        // One report per family, structure and run: a redelivered event yields the same Message-Id.
        var messageId = $"transmission.{run.FamilyAccountId:N}.{run.StructureId:N}.{run.TransmittedAt.UtcTicks}@{from.Domain}";
        var message = new MailContent(TransmissionReport.Subject(structure), text, html).ToMessage(from, recipients[0], clock.GetUtcNow(), messageId);
        message.AddOtherRecipients(recipients);

        await mailSender.SendAsync(message, cancellationToken);
        logger.LogInformation("Transmission report of account {AccountId} sent ({Lines} lines)", run.FamilyAccountId, run.Lines.Count);
        return Result.Success();
    }
}

/// <summary>Wolverine adapter (public), runs in the Worker.</summary>
public static class LinesTransmittedHandler
{
    public static async Task Handle(LinesTransmitted message, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new SendTransmissionReport(message), cancellationToken)).ThrowIfFailure();
}
