using Microsoft.Playwright;

namespace PortailFamille.Browser.Tests;

public sealed class FirstLoginTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_parent_with_legacy_credentials_sees_the_password_rules_turn_green_as_they_type()
    {
        var page = await fixture.NewPageAsync(phone: true);
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Votre identifiant").FillAsync("famille30");
        await page.GetByLabel("Mot de passe").FillAsync("Cestas2024");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).Last.ClickAsync();
        await page.WaitForURLAsync("**/mot-de-passe/nouveau");

        var rules = page.Locator("ul[data-password-rules]");
        await page.GetByLabel("Mot de passe reçu (provisoire)").FillAsync("Cestas2024");
        await page.GetByLabel("Saisir le nouveau mot de passe").PressSequentiallyAsync("abc");
        Assert.Equal("pf-rule-ok", await rules.Locator("li[data-rule='lower']").GetAttributeAsync("class"));
        Assert.Equal("pf-rule-ko", await rules.Locator("li[data-rule='upper']").GetAttributeAsync("class"));
        Assert.Equal("pf-rule-ko", await rules.Locator("li[data-rule='min_length']").GetAttributeAsync("class"));
        Assert.Contains("✗", await rules.Locator("li[data-rule='digit']").InnerTextAsync());

        await page.GetByLabel("Saisir le nouveau mot de passe").PressSequentiallyAsync("Def12!");
        foreach (var code in new[] { "min_length", "lower", "upper", "digit", "max_length" })
            Assert.Equal("pf-rule-ok", await rules.Locator($"li[data-rule='{code}']").GetAttributeAsync("class"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotDirectory, "nouveau-mot-de-passe-telephone.png"), FullPage = true });

        await page.GetByLabel("Confirmez le mot de passe").FillAsync("abcDef12!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await page.WaitForURLAsync("**/premiere-connexion");

        await page.GetByLabel("J'ai pris connaissance de la notice RGPD et je l'accepte.").CheckAsync();
        await page.GetByLabel("J'ai lu les conditions générales d'utilisation du portail et je les accepte.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await page.WaitForURLAsync("**/dossier-famille/reglement-interieur");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Règlement intérieur", Exact = true }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotDirectory, "reglement-telephone.png"), FullPage = true });
    }
}
