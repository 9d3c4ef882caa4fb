using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using PortailFamille.Billing.Contracts;
using PortailFamille.BuildingBlocks.Time;
using PortailFamille.BuildingBlocks.Text;

namespace PortailFamille.Notifications.Templates;

/// <summary>
/// The justificatif of a card payment, mailed to the first address of the account only: date, amount
/// per porte-monnaie, total, payment reference, and that no card data is kept.
/// </summary>
internal static class PaymentReceiptMail
{
    public const string Subject = "Justificatif de votre paiement par carte bancaire";
    public const string NoCardData = "Aucune information concernant votre carte bancaire n'est enregistrée.";

    // Accents stay readable in the source of the mail; markup characters are escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static MailContent Render(PaymentReceived payment, string holderName)
    {
        var greeting = string.IsNullOrWhiteSpace(holderName) ? "Bonjour," : $"Bonjour {holderName.Trim()},";
        var paidAt = payment.PaidAt.ToParis().ToString("dddd d MMMM yyyy 'à' HH:mm", French.Culture);
        var intro = $"Nous avons bien reçu votre paiement par carte bancaire du {paidAt}.";
        var reference = $"Référence du paiement : {payment.Reference}";
        var lines = payment.Lines.Select(l => (Wallet: $"Porte-monnaie {l.WalletCode}", Amount: French.Money(l.Amount))).ToList();
        var total = French.Money(payment.Total);
        const string credited = "Le montant a été porté au crédit de votre compte famille.";

        var text = new StringBuilder();
        text.Append(greeting).Append("\n\n");
        text.Append(intro).Append("\n\n");
        text.Append(reference).Append("\n\n");
        foreach (var (wallet, amount) in lines) text.Append(wallet).Append(" : ").Append(amount).Append('\n');
        text.Append("Total : ").Append(total).Append("\n\n");
        text.Append(credited).Append("\n\n");
        text.Append(NoCardData).Append("\n\n");
        text.Append("-- \n").Append(MailContent.Footer).Append('\n');

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head><meta charset=\"utf-8\"><title>")
            .Append(Encode(Subject)).Append("</title></head>\n<body style=\"font-family: Arial, sans-serif; line-height: 1.5;\">\n");
        html.Append("<p>").Append(Encode(greeting)).Append("</p>\n");
        html.Append("<p>").Append(Encode(intro)).Append("</p>\n");
        html.Append("<p>").Append(Encode(reference)).Append("</p>\n");
        html.Append("<table style=\"border-collapse: collapse;\">\n");
        foreach (var (wallet, amount) in lines)
        {
            html.Append("<tr><td style=\"padding: 2px 12px 2px 0;\">").Append(Encode(wallet))
                .Append("</td><td style=\"text-align: right;\">").Append(Encode(amount)).Append("</td></tr>\n");
        }
        html.Append("<tr><th style=\"padding: 2px 12px 2px 0; text-align: left;\">Total</th><th style=\"text-align: right;\">")
            .Append(Encode(total)).Append("</th></tr>\n</table>\n");
        html.Append("<p>").Append(Encode(credited)).Append("</p>\n");
        html.Append("<p>").Append(Encode(NoCardData)).Append("</p>\n");
        html.Append("<hr>\n<p style=\"color: #666; font-size: small;\">").Append(Encode(MailContent.Footer)).Append("</p>\n</body>\n</html>\n");

        return new MailContent(Subject, text.ToString(), html.ToString());
    }


    private static string Encode(string value) => Html.Encode(value);
}
