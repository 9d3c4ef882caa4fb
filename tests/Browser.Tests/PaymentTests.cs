using System.Globalization;
using Microsoft.Playwright;

namespace PortailFamille.Browser.Tests;

public sealed class PaymentTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    [Fact]
    public async Task A_parent_pays_by_card_through_the_test_gateway_and_sees_the_new_balance()
    {
        var page = await fixture.NewPageAsync(phone: true);
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Votre identifiant").FillAsync("famille05");
        await page.GetByLabel("Mot de passe").FillAsync("Cestas2024");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).Last.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/connexion"));

        // "Paiement CB": each wallet pre-filled with what is owed (nothing for this family), editable upwards.
        await page.GotoAsync("/solde-et-paiements/paiement-cb");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Paiement par carte bancaire" }).WaitForAsync();
        var canteen = page.Locator("input[data-amount='RESTAURATION']");
        Assert.Equal("0,00", await canteen.InputValueAsync());
        Assert.Equal("0,00", await page.Locator("input[data-amount='PERISCOLAIRE']").InputValueAsync());
        Assert.Equal("0,00 €", Normalize(await page.Locator("[data-owed='RESTAURATION']").InnerTextAsync()));
        await page.GetByText("Aucune information concernant votre carte bancaire n'est enregistrée, uniquement le montant et la date du paiement.").WaitForAsync();
        var before = Money(await page.Locator("fieldset[data-wallet='RESTAURATION'] dd").First.InnerTextAsync());

        await canteen.FillAsync("32,50");
        await fixture.StepAsync(page, "total-follows", () => Assertions.Expect(page.Locator("output[data-total='payment']")).ToHaveTextAsync("32,50 €"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotDirectory, "paiement-cb-telephone.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Payer par carte" }).ClickAsync();

        // The built-in gateway says it is a test, and shows the amount.
        await fixture.StepAsync(page, "test-gateway", () => page.WaitForURLAsync("**/paiement/passerelle-test/**"));
        await page.GetByText("Passerelle de paiement de TEST — aucun paiement réel n'est effectué").WaitForAsync();
        Assert.Equal("32,50 €", Normalize(await page.Locator("[data-total='payment']").InnerTextAsync()));
        await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotDirectory, "passerelle-test-telephone.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Payer (simulation)" }).ClickAsync();

        await fixture.StepAsync(page, "payment-accepted", () => page.WaitForURLAsync("**/paiement/retour/**"));
        await page.GetByRole(AriaRole.Heading, new() { Name = "Paiement accepté" }).WaitForAsync();
        var after = Money(await page.Locator("tr[data-wallet='RESTAURATION'] td.pf-num").InnerTextAsync());
        Assert.Equal(before + 32.50m, after);
        await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotDirectory, "paiement-accepte-telephone.png"), FullPage = true });
    }

    private static string Normalize(string text) => text.Replace('\u202f', ' ').Replace('\u00a0', ' ').Trim();

    private static decimal Money(string text) =>
        decimal.Parse(Normalize(text).Replace("€", "").Replace(" ", ""), NumberStyles.Number | NumberStyles.AllowLeadingSign, French);
}
