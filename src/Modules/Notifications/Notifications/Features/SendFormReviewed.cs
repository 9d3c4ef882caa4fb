using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PortailFamille.Accounts.Contracts;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Notifications.Mail;
using PortailFamille.Notifications.Templates;

namespace PortailFamille.Notifications.Features;

/// <summary>Guide: « Vous recevrez un mail vous informant de l'action de votre gestionnaire » (fiche validée ou rejetée).</summary>
internal sealed record SendFormReviewed(Guid FormId, Guid FamilyAccountId, FormKind Kind, string? ChildName, bool Validated, string? Reason, DateTimeOffset ReviewedAt) : ICommand<Result>;

internal sealed class SendFormReviewedHandler(ISender sender, IMailSender mailSender, IOptions<MailOptions> options, TimeProvider clock,
    ILogger<SendFormReviewedHandler> logger) : ICommandHandler<SendFormReviewed, Result>
{
    public async ValueTask<Result> Handle(SendFormReviewed command, CancellationToken cancellationToken)
    {
        var account = await sender.Send(new GetFamilyAccount(command.FamilyAccountId), cancellationToken);
        var recipients = Recipients.AllOf(account);
        if (account is null || recipients.Count == 0)
        {
            logger.LogWarning("No valid e-mail to announce the review of form {FormId}", command.FormId);
            return Result.Success();
        }

        var content = FormReviewedMail.Render(account.HolderLastName, account.HolderFirstName, command.Kind, command.ChildName, command.Validated, command.Reason);
        var from = options.Value.FromAddress;
        var outcome = command.Validated ? "validated" : "rejected";
        var message = content.ToMessage(from, recipients[0], clock.GetUtcNow(), $"form-{outcome}.{command.FormId:N}.{command.ReviewedAt.ToUnixTimeMilliseconds()}@{from.Domain}");
        message.AddOtherRecipients(recipients);
        await mailSender.SendAsync(message, cancellationToken);
        logger.LogInformation("Form {FormId} {Outcome}: account {AccountId} mailed", command.FormId, outcome, command.FamilyAccountId);
        return Result.Success();
    }
}

/// <summary>Wolverine adapters (public), run in the Worker.</summary>
public static class FormValidatedHandler
{
    public static async Task Handle(FormValidated message, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new SendFormReviewed(message.FormId, message.FamilyAccountId, message.Kind, message.ChildName, true, null, message.At), cancellationToken)).ThrowIfFailure();
}

public static class FormRejectedHandler
{
    public static async Task Handle(FormRejected message, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new SendFormReviewed(message.FormId, message.FamilyAccountId, message.Kind, message.ChildName, false, message.Reason, message.At), cancellationToken)).ThrowIfFailure();
}
