using Microsoft.Playwright;

namespace PortailFamille.Browser.Tests;

/// <summary>
/// The pages work under the Content-Security-Policy (no inline script, connect-src 'self'): parent pages, the interactive
/// calendar, and staff pages whose Blazor circuit connects over a websocket and whose Radzen popups open.
/// </summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Parent_and_staff_pages_run_without_a_policy_violation()
    {
        var parent = await fixture.NewPageAsync(phone: false);
        var parentSockets = Sockets(parent);
        await SignInAsync(parent, "famille02", "Cestas2024");
        await parent.WaitForURLAsync(url => !url.Contains("/connexion"));
        foreach (var path in new[] { "/", "/reservations/suivi", "/solde-et-paiements", "/solde-et-paiements/paiement-cb", "/historiques", "/dossier-famille", "/profil" })
        {
            var response = await parent.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            Assert.Contains("script-src 'self'", await response.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
            Assert.Empty(await InlineHandlersAsync(parent));
        }

        // The booking calendar is interactive: its circuit connects through the websocket connect-src 'self' allows.
        await parent.GotoAsync("/reservations");
        await fixture.StepAsync(parent, "csp-calendar-ready", () => parent.Locator("span[data-ready='yes']").WaitForAsync(new() { State = WaitForSelectorState.Attached }));
        lock (parentSockets) Assert.Contains(parentSockets, url => url.Contains("/_blazor", StringComparison.Ordinal));

        var staff = await fixture.NewPageAsync(phone: false);
        var staffSockets = Sockets(staff);
        await SignInAsync(staff, "admin", "Gestion2024");
        await staff.WaitForURLAsync("**/gestion");
        await fixture.StepAsync(staff, "csp-dashboard-ready", () => staff.Locator("span[data-ready='yes']").WaitForAsync(new() { State = WaitForSelectorState.Attached }));

        // Régie: Radzen drop-downs (one with a filter) and the date picker open their popups; choosing a family loads its wallets.
        await staff.GotoAsync("/gestion/regie");
        await staff.GetByRole(AriaRole.Heading, new() { Name = "Régie", Exact = true }).WaitForAsync();
        await fixture.StepAsync(staff, "csp-family-dropdown", async () =>
        {
            await OpenAsync(staff, staff.Locator(".rz-dropdown").Nth(1));
            await staff.Locator(".rz-dropdown-item >> visible=true").First.ClickAsync();
            await OpenAsync(staff, staff.Locator(".rz-dropdown").Nth(2)); // the wallets of the chosen family
            await staff.Keyboard.PressAsync("Escape");
        });
        await fixture.StepAsync(staff, "csp-date-picker", async () =>
        {
            await staff.Locator(".rz-datepicker-trigger").First.ClickAsync();
            await staff.Locator(".rz-calendar >> visible=true").First.WaitForAsync();
            await staff.Keyboard.PressAsync("Escape");
        });
        Assert.Empty(await InlineHandlersAsync(staff));
        await staff.ScreenshotAsync(new() { Path = Path.Combine(fixture.ScreenshotDirectory, "csp-gestion-regie.png"), FullPage = true });
        lock (staffSockets) Assert.Contains(staffSockets, url => url.Contains("/_blazor", StringComparison.Ordinal));

        await staff.GotoAsync("/gestion/familles");
        await fixture.StepAsync(staff, "csp-families-ready", () => staff.Locator("span[data-ready='yes']").WaitForAsync(new() { State = WaitForSelectorState.Attached }));
        // The grid's filter row and a drop-down with a search box, both answered by the circuit.
        await fixture.StepAsync(staff, "csp-grid-filter", async () =>
        {
            var filter = staff.Locator(".rz-data-grid input >> visible=true").Nth(2);
            await filter.FillAsync("famille01b");
            await filter.PressAsync("Enter");
            await staff.Locator(".rz-data-grid td", new() { HasText = "famille01b@exemple.fr" }).WaitForAsync();
            await Assertions.Expect(staff.Locator(".rz-data-grid td", new() { HasText = "famille03@exemple.fr" })).ToHaveCountAsync(0);
        });
        await fixture.StepAsync(staff, "csp-dropdown-search", async () =>
        {
            await OpenAsync(staff, staff.Locator(".rz-dropdown").Nth(1)); // « Parents séparés »
            await staff.Locator(".rz-dropdown-filter >> visible=true").FillAsync("DUPONT");
            await staff.Locator(".rz-dropdown-item >> visible=true", new() { HasText = "DUPONT" }).First.WaitForAsync();
            await staff.Keyboard.PressAsync("Escape");
        });
        Assert.Empty(await InlineHandlersAsync(staff));
        await staff.WaitForTimeoutAsync(500); // let late console messages arrive

        lock (fixture.PolicyViolations) Assert.Empty(fixture.PolicyViolations);
    }

    /// <summary>Attributes such as onclick="…" anywhere in the page (Blazor's own handlers are listeners, not attributes).</summary>
    private static async Task<string[]> InlineHandlersAsync(IPage page) => await page.EvaluateAsync<string[]>(
        "() => Array.from(document.querySelectorAll('*')).flatMap(e => Array.from(e.attributes).filter(a => a.name.startsWith('on')).map(a => location.pathname + ': <' + e.tagName.toLowerCase() + ' ' + a.name + '=\"' + a.value + '\">'))");

    /// <summary>Clicks a drop-down until its list shows: a click before the circuit is connected opens nothing.</summary>
    private static async Task OpenAsync(IPage page, ILocator dropDown)
    {
        var items = page.Locator(".rz-dropdown-item >> visible=true").First;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await dropDown.ClickAsync();
            try
            {
                await items.WaitForAsync(new() { Timeout = 1_000 });
                return;
            }
            catch (TimeoutException)
            {
                await page.Keyboard.PressAsync("Escape");
            }
        }

        await items.WaitForAsync();
    }

    private static List<string> Sockets(IPage page)
    {
        var urls = new List<string>();
        page.WebSocket += (_, socket) => { lock (urls) urls.Add(socket.Url); };
        return urls;
    }

    private static async Task SignInAsync(IPage page, string identifier, string password)
    {
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Votre identifiant").FillAsync(identifier);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).Last.ClickAsync();
    }

    [Fact]
    public async Task Kestrel_does_not_name_itself_in_a_server_header()
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var response = await http.GetAsync("/connexion");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(", ", response.Headers.Server)}");
    }
}
