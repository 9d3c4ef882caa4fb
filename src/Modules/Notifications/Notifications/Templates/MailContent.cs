using MimeKit;

namespace PortailFamille.Notifications.Templates;

/// <summary>A rendered mail: subject, plain text, and its HTML alternative.</summary>
internal sealed record MailContent(string Subject, string TextBody, string HtmlBody)
{
    /// <summary>Mail footer of every automatic message.</summary>
    public const string Footer = "N'utilisez pas ces mails automatiques pour nous adresser un message : ils ne nous parviendront pas.";

    public MimeMessage ToMessage(MailboxAddress from, MailboxAddress to, DateTimeOffset date, string messageId)
    {
        var message = new MimeMessage
        {
            Subject = Subject,
            Date = date,
            MessageId = messageId,
            Body = new BodyBuilder { TextBody = TextBody, HtmlBody = HtmlBody }.ToMessageBody(),
        };
        message.From.Add(from);
        message.To.Add(to);
        return message;
    }
}
