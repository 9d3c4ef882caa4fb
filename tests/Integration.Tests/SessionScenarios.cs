using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortailFamille.Accounts.Persistence;
using PortailFamille.BuildingBlocks.Demo;

namespace PortailFamille.Integration.Tests;

/// <summary>
/// Sessions are server-side records: a cookie copied before a logout, a password change or « déconnecter partout » is
/// refused afterwards, on both databases. Each test signs in with a family no other test of this class uses.
/// </summary>
public abstract class SessionScenarios<TApp>(TApp app) : IClassFixture<TApp> where TApp : PortalApp
{
    private static DemoCatalog.DemoFamily Family(int n) => DemoCatalog.Families[n - 1];

    /// <summary>A client that keeps no cookie: each request carries the cookie it is given, as a replaying attacker's would.</summary>
    private HttpClient Bare() => app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private async Task<string> SignInAsync(string identifier, string password, bool rememberMe = false)
    {
        var response = await Bare().PostAsJsonAsync("/api/v1/auth/login", new { identifier, password, rememberMe });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("pf_session=", StringComparison.Ordinal));
    }

    private async Task<HttpStatusCode> SendAsync(HttpMethod method, string path, string cookie, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        if (body is not null) request.Content = JsonContent.Create(body);
        return (await Bare().SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task A_session_cookie_replayed_after_logout_is_refused()
    {
        var cookie = await SignInAsync(Family(2).Identifier, DemoCatalog.FamilyPassword);
        Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Get, "/api/v1/me", cookie));

        Assert.Equal(HttpStatusCode.NoContent, await SendAsync(HttpMethod.Post, "/api/v1/auth/logout", cookie));

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(HttpMethod.Get, "/api/v1/me", cookie));
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_and_keeps_this_device_signed_in()
    {
        var family = Family(3);
        var phone = await SignInAsync(family.Identifier, DemoCatalog.FamilyPassword);
        var computer = app.NewClient(); // a browser: keeps the cookies it is given, the renewed one included
        Assert.Equal(HttpStatusCode.OK, (await computer.PostAsJsonAsync("/api/v1/auth/login", new { identifier = family.Identifier, password = DemoCatalog.FamilyPassword })).StatusCode);

        var change = await computer.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = DemoCatalog.FamilyPassword, newPassword = "Nouveau-Passe-2026", confirmation = "Nouveau-Passe-2026" });
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await computer.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(HttpMethod.Get, "/api/v1/me", phone));
    }

    [Fact]
    public async Task Staff_sign_a_family_out_everywhere_even_a_kept_session_and_the_journal_says_who()
    {
        var family = Family(4);
        var kept = await SignInAsync(family.Identifier, DemoCatalog.FamilyPassword, rememberMe: true); // « Rester connecté »: 30 days
        var other = await SignInAsync(family.Identifier, DemoCatalog.FamilyPassword);
        var staff = await app.SignedInClientAsync("agent.education", DemoCatalog.StaffPassword);

        var ended = await staff.PostAsync($"/api/v1/staff/accounts/{family.Id}/sessions/end", null);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(2, (await ended.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("ended").GetInt32());

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(HttpMethod.Get, "/api/v1/me", kept));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(HttpMethod.Get, "/api/v1/me", other));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/v1/me")).StatusCode); // the agent's own session is untouched
        var journal = await staff.GetFromJsonAsync<System.Text.Json.JsonElement[]>("/api/v1/staff/audit");
        Assert.Contains(journal!, e => e.GetProperty("action").GetString() == "SessionsEnded" && e.GetProperty("actorName").GetString() == "Claire MARTIN");

        // A family cannot do it for another one.
        var parent = await SignInAsync(Family(6).Identifier, DemoCatalog.FamilyPassword);
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(HttpMethod.Post, $"/api/v1/staff/accounts/{Family(7).Id}/sessions/end", parent));
    }

    [Fact]
    public async Task A_family_signs_out_of_every_device_itself()
    {
        var family = Family(8);
        var first = await SignInAsync(family.Identifier, DemoCatalog.FamilyPassword);
        var second = await SignInAsync(family.Identifier, DemoCatalog.FamilyPassword);

        Assert.Equal(HttpStatusCode.NoContent, await SendAsync(HttpMethod.Post, "/api/v1/auth/logout-everywhere", first));

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(HttpMethod.Get, "/api/v1/me", first));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(HttpMethod.Get, "/api/v1/me", second));
        await using var scope = app.HostServices.CreateAsyncScope();
        Assert.All(await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Sessions.AsNoTracking().Where(s => s.UserId == family.Id).ToListAsync(),
            s => Assert.NotNull(s.EndedAt));
    }

    [Fact]
    public async Task A_logout_posted_by_another_site_without_the_antiforgery_token_signs_nobody_out()
    {
        var cookie = await SignInAsync(Family(9).Identifier, DemoCatalog.FamilyPassword);

        var forged = await SendAsync(HttpMethod.Post, "/deconnexion", cookie);

        Assert.NotEqual(HttpStatusCode.Redirect, forged);
        Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Get, "/api/v1/me", cookie));
    }
}

public sealed class SqliteSessionTests(SqlitePortalApp app) : SessionScenarios<SqlitePortalApp>(app);

public sealed class PostgresSessionTests(PostgresPortalApp app) : SessionScenarios<PostgresPortalApp>(app);
