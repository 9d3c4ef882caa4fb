using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using PortailFamille.Accounts.Contracts;

namespace PortailFamille.Notifications.Templates;

/// <summary>
/// The mail carrying a password link. Reset: wording of the reference guide's mail
/// (guide réinitialisation du mot de passe, step 4); new account: the identifier and a link to choose a password.
/// </summary>
internal static class PasswordLinkMail
{
    public const string ResetSubject = "Réinitialisation de votre mot de passe";
    public const string NewAccountSubject = "Votre compte Portail Famille";

    public static MailContent Render(PasswordLinkIssued link) => link.Reason switch
    {
        PasswordLinkReason.NewAccount => NewAccount(link),
        _ => Reset(link),
    };

    private static MailContent Reset(PasswordLinkIssued link) => Build(ResetSubject, link.HolderName,
    [
        Text("Vous avez demandé à réinitialiser votre mot de passe."),
        Text("Veuillez cliquer sur le lien ci-dessous :"),
        Link(link.Link),
        Text("Vous pourrez modifier votre mot de passe."),
        Text("Attention, ce lien est valable pendant 48H à compter de la demande de réinitialisation du mot de passe."),
        Text("Si vous n'êtes pas à l'origine de cette demande, veuillez ignorer ce message."),
    ]);

    private static MailContent NewAccount(PasswordLinkIssued link) => Build(NewAccountSubject, link.HolderName,
    [
        Text("Votre compte Portail Famille a été créé."),
        Text($"Votre identifiant : {link.Identifier}"),
        Text("Pour choisir votre mot de passe, veuillez cliquer sur le lien ci-dessous :"),
        Link(link.Link),
        Text("Attention, ce lien est valable pendant 48 heures. Passé ce délai, utilisez « Réinitialiser votre mot de passe » sur la page de connexion."),
        Text("Si vous n'attendiez pas ce message, veuillez l'ignorer."),
    ]);

    private static MailContent Build(string subject, string holderName, IReadOnlyList<Paragraph> paragraphs)
    {
        var greeting = string.IsNullOrWhiteSpace(holderName) ? "Bonjour," : $"Bonjour {holderName.Trim()},";

        var text = new StringBuilder();
        text.Append(greeting).Append("\n\n");
        foreach (var p in paragraphs) text.Append(p.Value).Append("\n\n");
        text.Append("-- \n").Append(MailContent.Footer).Append('\n');

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head><meta charset=\"utf-8\"><title>")
            .Append(Encode(subject)).Append("</title></head>\n<body style=\"font-family: Arial, sans-serif; line-height: 1.5;\">\n");
        html.Append("<p>").Append(Encode(greeting)).Append("</p>\n");
        foreach (var p in paragraphs)
        {
            html.Append(p.IsLink
                ? $"<p><a href=\"{Encode(p.Value)}\">{Encode(p.Value)}</a></p>\n"
                : $"<p>{Encode(p.Value)}</p>\n");
        }
        html.Append("<hr>\n<p style=\"color: #666; font-size: small;\">").Append(Encode(MailContent.Footer)).Append("</p>\n</body>\n</html>\n");

        return new MailContent(subject, text.ToString(), html.ToString());
    }

    // Accents stay readable in the source of the mail; markup characters are escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Encode(string value) => Html.Encode(value);

    private static Paragraph Text(string value) => new(value, IsLink: false);

    private static Paragraph Link(string value) => new(value, IsLink: true);

    private sealed record Paragraph(string Value, bool IsLink);
}
