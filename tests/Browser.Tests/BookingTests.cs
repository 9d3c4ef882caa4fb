using Microsoft.Playwright;

namespace PortailFamille.Browser.Tests;

public sealed class BookingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_parent_books_a_month_of_canteen_with_the_toggle_and_confirms_it()
    {
        var page = await fixture.NewPageAsync(phone: true);
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Votre identifiant").FillAsync("famille03");
        await page.GetByLabel("Mot de passe").FillAsync("Cestas2024");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).Last.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/connexion"));

        await page.GotoAsync("/reservations");
        await fixture.StepAsync(page, "calendar-ready", () => page.Locator("span[data-ready='yes']").WaitForAsync(new() { State = WaitForSelectorState.Attached }));
        await page.GetByLabel("Activité", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "RESTAURATION" });
        await page.Locator("table.pf-cal").WaitForAsync();

        // The demo period runs around today: go to the first month with open days.
        var open = page.Locator("button.pf-cal-day[data-state='Available']");
        for (var i = 0; i < 3 && await open.CountAsync() == 0; i++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Mois suivant" }).ClickAsync();
            await page.WaitForTimeoutAsync(300);
        }

        var available = await open.CountAsync();
        Assert.True(available > 0, "an open canteen day in the demo period");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tout le mois" }).ClickAsync();
        await fixture.StepAsync(page, "month-added", () => page.Locator("button.pf-cal-day[data-cart='ToBook']").Nth(available - 1).WaitForAsync());
        Assert.Equal(available, await page.Locator("button.pf-cal-day[data-cart='ToBook']").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotDirectory, "calendrier-telephone.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Valider le panier" }).ClickAsync();
        await page.WaitForURLAsync("**/reservations/panier");
        Assert.Equal(available, await page.Locator("table.pf-table >> nth=0 >> tbody tr").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotDirectory, "panier-telephone.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Résultat de votre demande" }).WaitForAsync();
        Assert.Equal(available, await page.Locator("li[data-outcome='Accepted']").CountAsync());

        await page.GotoAsync("/reservations/suivi");
        Assert.Equal(available, await page.Locator("tr[data-status='NotTransmitted']").CountAsync());
    }
}
