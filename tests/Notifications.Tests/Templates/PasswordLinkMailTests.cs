using PortailFamille.Notifications.Templates;

namespace PortailFamille.Notifications.Tests.Templates;

public sealed class PasswordLinkMailTests
{
    [Fact]
    public void Reset_mail_uses_the_wording_of_the_reference_guide()
    {
        var mail = PasswordLinkMail.Render(TestData.Reset());

        Assert.Equal("Réinitialisation de votre mot de passe", mail.Subject);
        Assert.StartsWith("Bonjour Jean-Paul DUPONT,", mail.TextBody);
        Assert.Contains("Vous avez demandé à réinitialiser votre mot de passe.", mail.TextBody);
        Assert.Contains("Veuillez cliquer sur le lien ci-dessous :", mail.TextBody);
        Assert.Contains("Vous pourrez modifier votre mot de passe.", mail.TextBody);
        Assert.Contains("Si vous n'êtes pas à l'origine de cette demande, veuillez ignorer ce message.", mail.TextBody);
        Assert.Contains("N'utilisez pas ces mails automatiques pour nous adresser un message : ils ne nous parviendront pas.", mail.TextBody);
    }

    [Fact]
    public void Reset_mail_gives_the_link_then_the_48_hour_warning()
    {
        var text = PasswordLinkMail.Render(TestData.Reset()).TextBody;

        var link = text.IndexOf("\n" + TestData.Link + "\n", StringComparison.Ordinal);
        var warning = text.IndexOf(
            "Attention, ce lien est valable pendant 48H à compter de la demande de réinitialisation du mot de passe.", StringComparison.Ordinal);
        Assert.True(link > 0, "the link stands alone on its line");
        Assert.True(warning > link, "the 48H warning follows the link");
    }

    [Fact]
    public void Html_alternative_links_to_the_escaped_url_and_keeps_the_warning()
    {
        var html = PasswordLinkMail.Render(TestData.Reset()).HtmlBody;

        var escaped = TestData.Link.Replace("&", "&amp;");
        Assert.Contains($"<a href=\"{escaped}\">{escaped}</a>", html);
        Assert.Contains("valable pendant 48H", html);
        Assert.Contains("<html lang=\"fr\">", html);
    }

    [Fact]
    public void Html_alternative_escapes_markup_in_the_holder_name()
    {
        var html = PasswordLinkMail.Render(TestData.Reset() with { HolderName = "<script>x</script>" }).HtmlBody;

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void New_account_mail_gives_the_identifier_and_the_link_to_choose_a_password()
    {
        var mail = PasswordLinkMail.Render(TestData.NewAccount());

        Assert.Equal("Votre compte Portail Famille", mail.Subject);
        Assert.StartsWith("Bonjour Amélie MARTIN,", mail.TextBody);
        Assert.Contains("Votre identifiant : famille31", mail.TextBody);
        Assert.Contains("choisir votre mot de passe", mail.TextBody);
        Assert.Contains(TestData.Link, mail.TextBody);
        Assert.Contains("valable pendant 48 heures", mail.TextBody);
        Assert.Contains("Votre identifiant : famille31", mail.HtmlBody);
        Assert.DoesNotContain("Vous avez demandé à réinitialiser", mail.TextBody);
    }

    [Fact]
    public void Greets_without_a_name_when_the_holder_name_is_empty()
    {
        var mail = PasswordLinkMail.Render(TestData.Reset() with { HolderName = " " });

        Assert.StartsWith("Bonjour,\n", mail.TextBody);
    }
}
