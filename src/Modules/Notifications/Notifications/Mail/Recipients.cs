using MimeKit;
using PortailFamille.Accounts.Contracts;

namespace PortailFamille.Notifications.Mail;

/// <summary>Profile rule: every address of the profile receives reports and messages (only the first gets payment receipts).</summary>
internal static class Recipients
{
    public static IReadOnlyList<MailboxAddress> AllOf(FamilyAccountView? account) =>
        (account?.Emails ?? [])
            .Select(e => MailboxAddress.TryParse(e.Trim(), out var a) && !string.IsNullOrEmpty(a.Domain) ? a : null)
            .OfType<MailboxAddress>()
            .ToList();

    /// <summary>One message to every address: the first in To, the others added.</summary>
    public static MimeMessage AddOtherRecipients(this MimeMessage message, IReadOnlyList<MailboxAddress> recipients)
    {
        foreach (var other in recipients.Skip(1)) message.To.Add(other);
        return message;
    }

    /// <summary>Every address the message goes to (To, Cc, Bcc), as the outbox lists them.</summary>
    public static string AddressesOf(MimeMessage message) =>
        string.Join(", ", message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes).Select(m => m.Address));
}
