using Microsoft.Playwright;

namespace PortailFamille.Browser.Tests;

/// <summary>A parent completes and transmits a fiche on a phone; an agent validates it from the staff queue.</summary>
public sealed class DossierFlowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_parent_transmits_the_internal_rules_fiche_and_an_agent_validates_it()
    {
        // famille25: the demo family whose fiches are « à mettre à jour ».
        var parent = await fixture.NewPageAsync(phone: true);
        await SignInAsync(parent, "famille25", "Cestas2024");
        await parent.WaitForURLAsync(url => !url.Contains("/connexion"));
        await parent.GotoAsync("/dossier-famille");
        await parent.GetByRole(AriaRole.Link, new() { Name = "Règlement intérieur", Exact = true }).First.ClickAsync();
        var modify = parent.GetByRole(AriaRole.Link, new() { Name = "MODIFIER" });
        await parent.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotDirectory, "dossier-fiche-telephone.png"), FullPage = true });
        // Nothing wider than the phone: a wide page let the left column cover the button.
        Assert.True(await parent.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the fiche page scrolls sideways on a phone");
        await modify.ClickAsync();
        await parent.WaitForURLAsync("**/modifier");

        await fixture.StepAsync(parent, "dossier-transmission", async () =>
        {
            await parent.GetByLabel("J'ai pris connaissance du règlement intérieur et j'ai informé mon enfant de ce règlement *").CheckAsync();
            await parent.GetByRole(AriaRole.Button, new() { Name = "Valider et transmettre la fiche" }).ClickAsync();
            // Without the sworn statement the fiche is refused, with a French message.
            await parent.GetByText("Cochez la case « Je certifie sur l'honneur").First.WaitForAsync();
            await parent.GetByLabel("J'ai pris connaissance du règlement intérieur et j'ai informé mon enfant de ce règlement *").CheckAsync();
            await parent.GetByLabel("Je certifie sur l'honneur que les informations ci-dessus sont exactes et vérifiées *").CheckAsync();
            await parent.GetByRole(AriaRole.Button, new() { Name = "Valider et transmettre la fiche" }).ClickAsync();
            await parent.GetByText("La fiche est validée et transmise au service Éducation").WaitForAsync();
        });
        Assert.Equal("Submitted", await parent.Locator(".pf-form-state").GetAttributeAsync("data-state"));
        Assert.Equal(0, await parent.GetByRole(AriaRole.Link, new() { Name = "MODIFIER" }).CountAsync()); // read-only once transmitted
        await parent.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotDirectory, "dossier-transmise-telephone.png"), FullPage = true });
        Assert.True(await parent.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the transmitted fiche scrolls sideways on a phone");

        var agent = await fixture.NewPageAsync(phone: false);
        await SignInAsync(agent, "agent.education", "Gestion2024");
        await agent.WaitForURLAsync("**/gestion");
        await agent.GotoAsync("/gestion/dossiers");
        await agent.Locator("[data-ready=yes]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var row = agent.Locator("tr", new() { HasText = "Règlement intérieur" }).First;
        await row.GetByRole(AriaRole.Link, new() { Name = "Ouvrir la fiche" }).ClickAsync();
        await agent.Locator("[data-ready=yes]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await fixture.StepAsync(agent, "dossier-validation", async () =>
        {
            await agent.GetByRole(AriaRole.Button, new() { Name = "Valider la fiche" }).ClickAsync();
            await agent.Locator("[data-state=Validated]").WaitForAsync();
        });

        await parent.ReloadAsync();
        Assert.Equal("Validated", await parent.Locator(".pf-form-state").GetAttributeAsync("data-state"));
    }

    private static async Task SignInAsync(IPage page, string identifier, string password)
    {
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Votre identifiant").FillAsync(identifier);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).Last.ClickAsync();
    }
}
