using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using PortailFamille.Notifications.Contracts;
using PortailFamille.Notifications.Mail;

namespace PortailFamille.Notifications.Features;

internal sealed class ListPickedUpMailsHandler(IOptions<MailOptions> options, ILogger<ListPickedUpMailsHandler> logger)
    : IQueryHandler<ListPickedUpMails, IReadOnlyList<PickedUpMail>>
{
    public async ValueTask<IReadOnlyList<PickedUpMail>> Handle(ListPickedUpMails query, CancellationToken cancellationToken)
    {
        var mail = options.Value;
        if (mail.UsesSmtp) return [];

        var directory = new DirectoryInfo(mail.ResolvedPickupDirectory());
        if (!directory.Exists) return [];

        // File names start with the UTC timestamp: the newest sort last.
        var files = directory.EnumerateFiles("*" + PickupDirectoryMailTransport.Extension)
            .OrderByDescending(f => f.Name, StringComparer.Ordinal)
            .Take(Math.Clamp(query.Take, 1, 200));

        var mails = new List<PickedUpMail>();
        foreach (var file in files)
        {
            try
            {
                await using var stream = file.OpenRead();
                var message = await MimeMessage.LoadAsync(stream, cancellationToken);
                var to = string.Join(", ", message.To.Mailboxes.Select(m => string.IsNullOrEmpty(m.Name) ? m.Address : $"{m.Name} <{m.Address}>"));
                mails.Add(new PickedUpMail(message.Subject ?? "", to, message.Date, message.TextBody ?? ""));
            }
            catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
            {
                // A file removed or damaged by hand must not hide the others.
                logger.LogWarning(ex, "Mail file {File} could not be read", file.Name);
            }
        }

        return mails;
    }
}
