using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using PortailFamille.Accounts.Contracts;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Notifications.Mail;
using PortailFamille.Notifications.Templates;

namespace PortailFamille.Notifications.Features;

/// <summary>Mails a password link (reset or new account) to the e-mail the event names, and to it only.</summary>
internal sealed record SendPasswordLinkMail(PasswordLinkIssued Link) : ICommand<Result>;

internal sealed class SendPasswordLinkMailHandler(
    IMailSender mailSender,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<SendPasswordLinkMailHandler> logger) : ICommandHandler<SendPasswordLinkMail, Result>
{
    private static readonly Error InvalidEmail =
        Error.Validation("notifications.invalid_email", "L'adresse électronique du destinataire n'est pas valide.");

    public async ValueTask<Result> Handle(SendPasswordLinkMail command, CancellationToken cancellationToken)
    {
        var link = command.Link;
        if (string.IsNullOrWhiteSpace(link.Email) || !MailboxAddress.TryParse(link.Email.Trim(), out var recipient)
            || string.IsNullOrEmpty(recipient.Domain))
            return InvalidEmail;
        if (!string.IsNullOrWhiteSpace(link.HolderName)) recipient.Name = link.HolderName.Trim();

        var from = options.Value.FromAddress;
        // A redelivered event (at-least-once) yields the same Message-Id, so a duplicate is recognisable.
        var messageId = $"password-link.{link.LinkId:N}@{from.Domain}";
        var message = PasswordLinkMail.Render(link).ToMessage(from, recipient, clock.GetUtcNow(), messageId);

        await mailSender.SendAsync(message, cancellationToken);

        // Never log the link: it carries the only clear copy of the token.
        logger.LogInformation("Password link mail ({Reason}) sent for link {LinkId} of account {AccountId}",
            link.Reason, link.LinkId, link.AccountId);
        return Result.Success();
    }
}

/// <summary>Wolverine adapter (public: Wolverine only runs public handlers); runs in the Worker.</summary>
public static class PasswordLinkIssuedHandler
{
    public static async Task Handle(PasswordLinkIssued message, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new SendPasswordLinkMail(message), cancellationToken)).ThrowIfFailure();
}
