using System.Net.Http.Json;
using Microsoft.Playwright;

namespace PortailFamille.Browser.Tests;

public sealed class StaffPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Every_staff_page_opens_and_connects_for_an_administrator()
    {
        var page = await StaffSignedInAsync("admin");

        var pages = new (string Path, string Heading)[]
        {
            ("/gestion", "Tableau de bord"),
            ("/gestion/familles", "Familles"),
            ("/gestion/activites", "Activités, périodes et fermetures"),
            ("/gestion/pointage", "Feuille de présence et liste d'attente"),
            ("/gestion/regie", "Régie"),
            ("/gestion/journal", "Journal des actions sur les comptes"),
        };
        foreach (var (path, heading) in pages)
        {
            fixture.ConsoleMessages.Clear();
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await fixture.StepAsync(page, "staff" + path.Replace('/', '-'), () => page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }).WaitForAsync());
            await page.WaitForTimeoutAsync(500); // let the circuit render its first data
            Assert.DoesNotContain(fixture.ConsoleMessages, m => m.StartsWith("[error]", StringComparison.Ordinal) || m.StartsWith("[pageerror]", StringComparison.Ordinal));
            Assert.Equal(0, await page.Locator("#blazor-error-ui[style*='block']").CountAsync());
        }

        await page.GotoAsync("/gestion/pointage");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Feuille de présence et liste d'attente" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotDirectory, "gestion-pointage.png"), FullPage = true });
    }

    [Fact]
    public async Task The_regie_cannot_open_account_management()
    {
        var page = await StaffSignedInAsync("regie");

        await page.GotoAsync("/gestion/familles");

        Assert.Contains("/acces-refuse", page.Url);
        await page.GotoAsync("/gestion/regie");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Régie", Exact = true }).WaitForAsync();
    }

    [Fact]
    public async Task The_regie_sees_only_its_tabs_and_actions_and_its_open_dashboard_signs_out_when_its_sessions_end()
    {
        var page = await StaffSignedInAsync("regie");
        await fixture.StepAsync(page, "regie-dashboard", () => page.Locator("[data-ready='yes']").WaitForAsync(new() { State = WaitForSelectorState.Attached }));

        var tabs = await page.Locator("nav.pf-tabs a").AllInnerTextsAsync();
        Assert.Equal(["Tableau de bord", "Régie", "Portail des familles"], tabs.Select(t => t.Trim()).ToArray());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Transmettre maintenant" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer à toutes les familles" }).CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotDirectory, "gestion-regie-tableau-de-bord.png"), FullPage = true });

        // « Déconnecter partout » from another device: the open dashboard's circuit learns it at its next revalidation.
        using var other = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = new Uri(fixture.BaseUrl) };
        var login = await other.PostAsJsonAsync("/api/v1/auth/login", new { identifier = "regie", password = "Gestion2024" });
        Assert.True(login.IsSuccessStatusCode, $"login: {(int)login.StatusCode}");
        Assert.True((await other.PostAsync("/api/v1/auth/logout-everywhere", null)).IsSuccessStatusCode);

        await fixture.StepAsync(page, "regie-signed-out", () => page.WaitForURLAsync("**/connexion**", new() { Timeout = 30_000 }));
    }

    /// <summary>A desktop page signed in as that staff member, on the dashboard.</summary>
    private async Task<IPage> StaffSignedInAsync(string identifier)
    {
        var page = await fixture.NewPageAsync(phone: false);
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Votre identifiant").FillAsync(identifier);
        await page.GetByLabel("Mot de passe").FillAsync("Gestion2024");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).Last.ClickAsync();
        await page.WaitForURLAsync("**/gestion");
        return page;
    }
}
