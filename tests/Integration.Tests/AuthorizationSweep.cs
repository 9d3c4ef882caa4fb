using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PortailFamille.BuildingBlocks.Demo;

namespace PortailFamille.Integration.Tests;

/// <summary>
/// Family A signed in tries every route the portal maps, with family B's ids wherever a route or a
/// query takes one: nothing of B may come back, and every write on B's behalf is refused.
/// The list of routes is read from the running app, so new pages and endpoints join the sweep.
/// </summary>
public sealed class AuthorizationSweep(AccountsApp app) : IClassFixture<AccountsApp>
{
    private static readonly DemoCatalog.DemoFamily A = DemoCatalog.Families[1];  // famille02, MARTIN
    private static readonly DemoCatalog.DemoFamily B = DemoCatalog.Families[4];  // famille05, PETIT

    // Writes a family may make for itself, or that touch no family's data.
    private static readonly string[] OwnOrPublicWrites = ["/api/v1/auth", "/structure", "/deconnexion", "/api/v1/me/emails", "/api/v1/reservations/calendar-feed"];

    // Writes on A's own cart, exact routes (the cart's item routes stay in the sweep).
    private static readonly (string Method, string Path)[] OwnExactWrites = [("DELETE", "/api/v1/reservations/cart")];

    [Fact]
    public async Task Family_A_sees_nothing_of_family_B_on_any_route()
    {
        var asB = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await asB.PostAsJsonAsync("/api/v1/auth/login", new { identifier = B.Identifier, password = DemoCatalog.FamilyPassword })).StatusCode);
        var bWallets = (await asB.GetFromJsonAsync<JsonElement>("/api/v1/wallets")).EnumerateArray().Select(w => w.GetProperty("walletId").GetGuid()).ToList();
        var bIds = new[] { B.Id }.Concat(B.Children.Select(c => c.Id)).Concat(bWallets).ToList();
        string[] bSecrets = [B.Identifier, B.Email, B.LastName, .. B.Children.Select(c => c.FirstName), .. bIds.Select(i => i.ToString())];

        var asA = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await asA.PostAsJsonAsync("/api/v1/auth/login", new { identifier = A.Identifier, password = DemoCatalog.FamilyPassword })).StatusCode);

        var routes = Routes();
        Assert.True(routes.Count >= 25, $"only {routes.Count} routes found");
        var checkedRequests = 0;
        foreach (var (pattern, methods) in routes)
        {
            foreach (var id in bIds)
            {
                var path = WithId(pattern, id);
                var query = $"?familyAccountId={B.Id}&accountId={B.Id}&enfant={B.Children[0].Id}&childId={B.Children[0].Id}&structureId={DemoCatalog.Education.Id}&mois=2024-09";
                foreach (var method in methods)
                {
                    if (method != "GET" && (OwnOrPublicWrites.Any(p => path.StartsWith(p, StringComparison.Ordinal)) || OwnExactWrites.Contains((method, path)))) continue;
                    using var request = new HttpRequestMessage(new HttpMethod(method), path + query);
                    if (method != "GET") request.Content = JsonContent.Create(new { accountId = B.Id, familyAccountId = B.Id, childId = B.Children[0].Id, structureId = DemoCatalog.Education.Id });
                    var response = await asA.SendAsync(request);
                    checkedRequests++;
                    var body = await response.Content.ReadAsStringAsync();
                    // A form posting back to the requested address echoes it: that is not B's data.
                    var decoded = WebUtility.HtmlDecode(body).Replace(path + query, "").Replace(query, "");

                    Assert.True((int)response.StatusCode < 500, $"{method} {path}: {(int)response.StatusCode}");
                    foreach (var secret in bSecrets)
                        Assert.False(decoded.Contains(secret, StringComparison.Ordinal), $"{method} {path} shows family B's « {secret} »");
                    if (method != "GET")
                        Assert.False(response.IsSuccessStatusCode, $"{method} {path} accepted a write for family B ({(int)response.StatusCode})");
                }

                if (!pattern.Contains('{')) break; // one pass is enough for a route without parameters
            }
        }

        Assert.True(checkedRequests >= 30, $"only {checkedRequests} requests made");
        // A is still signed in as A: nothing in the sweep changed the session.
        Assert.Equal(A.Identifier, (await asA.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("account").GetProperty("identifier").GetString());
    }

    private List<(string Pattern, string[] Methods)> Routes()
    {
        var sources = app.HostServices.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'),
                Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToArray() ?? ["GET"]))
            .Where(r => !r.Pattern.StartsWith("/_", StringComparison.Ordinal) && !r.Pattern.Contains("{**") && !r.Pattern.Contains('.'))
            .GroupBy(r => r.Pattern)
            .Select(g => (g.Key, g.SelectMany(r => r.Methods).Distinct().ToArray()))
            .OrderBy(r => r.Key)
            .ToList();
    }

    private static string WithId(string pattern, Guid id) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}]+\}", id.ToString());
}
