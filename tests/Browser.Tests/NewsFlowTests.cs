using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PortailFamille.Browser.Tests;

public sealed class NewsFlowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Agent_publishes_news_on_the_dashboard_and_a_parent_reads_it_on_a_phone()
    {
        var title = "Grève du jeudi 5 décembre " + Guid.NewGuid().ToString("N")[..6];

        // The agent signs in and publishes through the Radzen dashboard.
        var staff = await fixture.NewPageAsync(phone: false);
        await SignInAsync(staff, "agent.education", "Gestion2024");
        await staff.WaitForURLAsync("**/gestion");
        await fixture.StepAsync(staff, "dashboard-ready", () => staff.Locator("span[data-ready='yes']").WaitForAsync(new() { State = WaitForSelectorState.Attached }));
        await staff.Locator("input[name='titre']").FillAsync(title);
        await staff.Locator("textarea[name='texte']").FillAsync("Service minimum d'accueil de 7 h 30 à 18 h 30 dans toutes les écoles.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await staff.GetByText("Information publiée").WaitForAsync();
        await staff.Locator(".rz-data-grid").GetByText(title).WaitForAsync();
        await staff.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotDirectory, "gestion-tableau-de-bord.png"), FullPage = true });

        // A parent on a phone sees it on the home page; the tabs are behind the burger menu.
        var parent = await fixture.NewPageAsync(phone: true);
        await parent.GotoAsync("/");
        await parent.GetByRole(AriaRole.Heading, new() { Name = title }).WaitForAsync();
        Assert.False(await parent.GetByRole(AriaRole.Link, new() { Name = "Solde et paiements" }).IsVisibleAsync());
        await parent.GetByText("Menu").ClickAsync();
        Assert.True(await parent.GetByRole(AriaRole.Link, new() { Name = "Solde et paiements" }).IsVisibleAsync());
        await parent.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotDirectory, "accueil-telephone.png"), FullPage = true });
    }

    [Fact]
    public async Task Empty_publication_shows_the_french_validation_messages()
    {
        var staff = await fixture.NewPageAsync(phone: false);
        await SignInAsync(staff, "admin", "Gestion2024");
        await staff.Locator("span[data-ready='yes']").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await staff.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();

        await staff.GetByText("Le titre est obligatoire.").WaitForAsync();
        await staff.GetByText("Le texte de l'information est obligatoire.").WaitForAsync();
    }

    [Fact]
    public async Task Parent_pages_have_no_serious_accessibility_violations_on_a_phone()
    {
        var parent = await fixture.NewPageAsync(phone: true);
        await SignInAsync(parent, "famille01", "Cestas2024");
        await parent.WaitForURLAsync(url => !url.Contains("/connexion"));

        foreach (var path in new[] { "/", "/historiques", "/solde-et-paiements", "/reservations", "/dossier-famille" })
        {
            await parent.GotoAsync(path);
            var results = await parent.RunAxe();
            var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")
                .ToList();
            Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
        }

        await parent.GotoAsync("/solde-et-paiements");
        await parent.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotDirectory, "solde-telephone.png"), FullPage = true });
    }

    private static async Task SignInAsync(IPage page, string identifier, string password)
    {
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Votre identifiant").FillAsync(identifier);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).Last.ClickAsync();
    }
}
