using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using PortailFamille.Accounts.Contracts;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Notifications.Contracts;
using PortailFamille.Notifications.Domain;
using PortailFamille.Notifications.Mail;
using PortailFamille.Notifications.Persistence;
using PortailFamille.Notifications.Templates;
using Wolverine.EntityFrameworkCore;

namespace PortailFamille.Notifications.Features;

internal sealed class BroadcastToStructureValidator : AbstractValidator<BroadcastToStructure>
{
    public BroadcastToStructureValidator()
    {
        RuleFor(x => x.Subject).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("L'objet du message est obligatoire.")
            .MaximumLength(150).WithMessage("L'objet ne doit pas dépasser 150 caractères.");
        RuleFor(x => x.Body).Must(b => !string.IsNullOrWhiteSpace(b)).WithMessage("Le texte du message est obligatoire.")
            .MaximumLength(8000).WithMessage("Le texte ne doit pas dépasser 8000 caractères.");
        RuleFor(x => x.SentBy).NotEmpty().WithMessage("L'auteur du message est inconnu.");
    }
}

/// <summary>Records the broadcast and one mail request per family in one transaction: none is lost, none sent twice.</summary>
internal sealed class BroadcastToStructureHandler(IDbContextOutbox<NotificationsDbContext> outbox, ISender sender, TimeProvider clock)
    : ICommandHandler<BroadcastToStructure, Result<int>>
{
    public async ValueTask<Result<int>> Handle(BroadcastToStructure command, CancellationToken cancellationToken)
    {
        var families = await sender.Send(new ListFamilyAccounts(command.StructureId), cancellationToken);
        if (families.Count == 0) return NotificationErrors.UnknownStructure;
        var broadcast = Broadcast.Record(command.StructureId, command.Subject, command.Body, command.SentBy, families.Count, clock.GetUtcNow());
        outbox.DbContext.Broadcasts.Add(broadcast);
        foreach (var family in families)
            await outbox.PublishAsync(new BroadcastMailRequested(broadcast.Id, family.Id, command.StructureId, broadcast.Subject, broadcast.Body));
        await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
        return families.Count;
    }
}

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
