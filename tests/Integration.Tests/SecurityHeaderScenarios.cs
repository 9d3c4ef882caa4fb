using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PortailFamille.BuildingBlocks.Demo;

namespace PortailFamille.Integration.Tests;

/// <summary>Every response, page or API, success or problem details, carries the security headers (issue #14).</summary>
public sealed partial class SecurityHeaderScenarios(SecurityHeadersApp app) : IClassFixture<SecurityHeadersApp>
{
    [Fact]
    public async Task Every_page_carries_the_headers_for_a_family_and_for_staff()
    {
        var family = await app.SignedInClientAsync(DemoCatalog.Families[0].Identifier, DemoCatalog.FamilyPassword);
        var staff = await app.SignedInClientAsync("admin", DemoCatalog.StaffPassword);
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<Microsoft.AspNetCore.Components.RouteAttribute>())
            .Select(r => RouteParameter().Replace(r.Template, _ => Guid.NewGuid().ToString()))
            .Distinct()
            .ToList();
        Assert.True(routes.Count >= 30, $"only {routes.Count} pages found");

        foreach (var route in routes)
        {
            var client = route.StartsWith("/gestion", StringComparison.Ordinal) ? staff : family;
            AssertSecurityHeaders(await client.GetAsync(route), $"GET {route}");
        }

        var anonymous = app.NewClient();
        AssertSecurityHeaders(await anonymous.GetAsync("/connexion"), "GET /connexion (anonymous)");
        AssertSecurityHeaders(await anonymous.GetAsync("/reservations"), "GET /reservations (anonymous: redirect)");
        AssertSecurityHeaders(await anonymous.GetAsync("/nulle-part"), "GET /nulle-part (404 page)");
        AssertSecurityHeaders(await anonymous.PostAsync("/connexion", new FormUrlEncodedContent([])), "POST /connexion without token (400 page)");
        var script = await anonymous.GetAsync("/js/page-actions.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        AssertSecurityHeaders(script, "GET /js/page-actions.js (static file)");
    }

    [Fact]
    public async Task Api_answers_and_their_problem_details_carry_the_headers()
    {
        var anonymous = app.NewClient();

        var structures = await anonymous.GetAsync("/api/v1/structures");
        var unauthorized = await anonymous.GetAsync("/api/v1/me");
        var notFound = await anonymous.GetAsync("/api/v1/nulle-part");
        var badLogin = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { identifier = "inconnu-" + Guid.NewGuid().ToString("N")[..8], password = "Mauvais2024" });

        Assert.Equal(HttpStatusCode.OK, structures.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, badLogin.StatusCode);
        Assert.Equal("application/problem+json", badLogin.Content.Headers.ContentType?.MediaType);
        foreach (var (response, what) in new[] { (structures, "structures"), (unauthorized, "401"), (notFound, "404"), (badLogin, "401 problem") })
            AssertSecurityHeaders(response, what);
    }

    /// <summary>
    /// script-src 'self' refuses inline scripts, inline event handlers and javascript: links, also in parts of a page the
    /// browser tests never open (a print button shown once an activity is chosen): none in the components.
    /// </summary>
    [Fact]
    public void No_component_has_an_inline_script_or_event_handler()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "PortailFamille.sln"))) root = root.Parent;
        Assert.NotNull(root);
        var components = Directory.EnumerateFiles(Path.Combine(root.FullName, "src", "Host", "Components"), "*.razor", SearchOption.AllDirectories).ToList();
        Assert.True(components.Count >= 30, $"only {components.Count} components found");

        var offences = components
            .SelectMany(file => File.ReadAllLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => InlineHandler().IsMatch(l.line) || InlineScript().IsMatch(l.line) || l.line.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
            .Select(l => $"{Path.GetRelativePath(root.FullName, l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.True(offences.Count == 0, string.Join(Environment.NewLine, offences));
    }

    /// <summary>onclick="…", oninput="…" (a Blazor handler is written @onclick).</summary>
    [GeneratedRegex(@"(?<![@\w:-])on[a-z]+\s*=\s*[""']")]
    private static partial Regex InlineHandler();

    [GeneratedRegex(@"<script(?![^>]*\bsrc\s*=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    internal static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var policies), $"{what}: no Content-Security-Policy");
        var policy = Assert.Single(policies); // one policy, not Blazor's frame-ancestors beside ours
        var directives = Directives(policy);
        Assert.Equal("'self'", directives["script-src"]);
        Assert.DoesNotContain("unsafe", directives["script-src"], StringComparison.Ordinal);
        Assert.Equal("'self'", directives["default-src"]);
        Assert.Equal("'none'", directives["object-src"]);
        Assert.Equal("'self'", directives["base-uri"]);
        Assert.Equal("'self'", directives["form-action"]);
        Assert.Equal("'self'", directives["frame-ancestors"]);
        Assert.Equal("'self'", directives["connect-src"]);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options", what));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy", what));
        Assert.Equal("SAMEORIGIN", Header(response, "X-Frame-Options", what));
        var permissions = Header(response, "Permissions-Policy", what);
        foreach (var feature in new[] { "camera=()", "microphone=()", "geolocation=()", "payment=()" })
            Assert.Contains(feature, permissions, StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name, string what)
    {
        Assert.True(response.Headers.TryGetValues(name, out var values), $"{what}: no {name}");
        return Assert.Single(values);
    }

    internal static Dictionary<string, string> Directives(string policy) => policy
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(d => d.Split(' ', 2))
        .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}

/// <summary>
/// Chromium checks the redirect that answers a form post against form-action: with Stripe configured, the card payment
/// form's answer goes to Stripe Checkout, which the policy must allow (and only then).
/// </summary>
public sealed class StripeCheckoutPolicyScenarios(StripeConfiguredApp app) : IClassFixture<StripeConfiguredApp>
{
    [Fact]
    public async Task Form_action_allows_Stripe_Checkout_when_Stripe_is_configured()
    {
        var page = await app.NewClient().GetAsync("/connexion");

        var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal("'self' https://checkout.stripe.com", SecurityHeaderScenarios.Directives(policy)["form-action"]);
        Assert.Equal("'self'", SecurityHeaderScenarios.Directives(policy)["script-src"]);
    }
}

/// <summary>X-Forwarded-For and X-Forwarded-Proto count only from ForwardedHeaders:KnownProxies / KnownNetworks.</summary>
public sealed class ForwardedHeaderScenarios(ForwardingApp app) : IClassFixture<ForwardingApp>
{
    [Theory]
    [InlineData(ForwardingApp.Proxy)]
    [InlineData("10.8.3.4")] // in ForwardedHeaders:KnownNetworks
    public async Task Two_clients_behind_a_known_proxy_are_limited_separately(string proxy)
    {
        var first = $"203.0.113.{(proxy == ForwardingApp.Proxy ? 1 : 3)}";
        var second = $"203.0.113.{(proxy == ForwardingApp.Proxy ? 2 : 4)}";
        for (var i = 0; i < ForwardingApp.PermitsPerMinute; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, await PeerRequests.FailedLoginAsync(app, proxy, forwardedFor: first));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PeerRequests.FailedLoginAsync(app, proxy, forwardedFor: first));

        Assert.Equal(HttpStatusCode.Unauthorized, await PeerRequests.FailedLoginAsync(app, proxy, forwardedFor: second));
    }

    [Fact]
    public async Task A_forwarded_address_from_a_peer_that_is_no_known_proxy_does_not_change_the_limit()
    {
        const string stranger = "192.0.2.50";
        for (var i = 0; i < ForwardingApp.PermitsPerMinute; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, await PeerRequests.FailedLoginAsync(app, stranger, forwardedFor: $"203.0.113.{100 + i}"));

        Assert.Equal(HttpStatusCode.TooManyRequests, await PeerRequests.FailedLoginAsync(app, stranger, forwardedFor: "203.0.113.9"));
    }

    [Fact]
    public async Task Https_forwarded_by_a_known_proxy_makes_the_session_cookie_secure()
    {
        var viaProxy = await PeerRequests.SessionCookieAsync(app, ForwardingApp.Proxy, forwardedFor: "203.0.113.20", forwardedProto: "https", DemoCatalog.Families[4].Identifier);
        var fromStranger = await PeerRequests.SessionCookieAsync(app, "192.0.2.51", forwardedFor: null, forwardedProto: "https", DemoCatalog.Families[5].Identifier);

        Assert.Contains("secure", CookieAttributes(viaProxy));
        Assert.DoesNotContain("secure", CookieAttributes(fromStranger));
    }

    internal static string[] CookieAttributes(string setCookie) =>
        setCookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.Split('=')[0].ToLowerInvariant()).ToArray();
}

/// <summary>No proxy configured: X-Forwarded-* are ignored even from loopback, which ASP.NET Core trusts by default.</summary>
public sealed class UntrustedForwardedHeaderScenarios(NoProxyApp app) : IClassFixture<NoProxyApp>
{
    [Fact]
    public async Task A_forged_forwarded_address_does_not_change_the_limit()
    {
        for (var i = 0; i < ForwardingApp.PermitsPerMinute; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, await PeerRequests.FailedLoginAsync(app, NoProxyApp.Loopback, forwardedFor: $"203.0.113.{30 + i}"));

        Assert.Equal(HttpStatusCode.TooManyRequests, await PeerRequests.FailedLoginAsync(app, NoProxyApp.Loopback, forwardedFor: "203.0.113.9"));
    }

    [Fact]
    public async Task A_forged_https_scheme_does_not_make_the_cookie_secure()
    {
        var cookie = await PeerRequests.SessionCookieAsync(app, "127.0.0.2", forwardedFor: null, forwardedProto: "https", DemoCatalog.Families[6].Identifier);

        Assert.DoesNotContain("secure", ForwardedHeaderScenarios.CookieAttributes(cookie));
    }
}

/// <summary>Production's defaults: every cookie Secure, even on a plain http request (TLS ends at a proxy); HSTS on https.</summary>
public sealed class ProductionSecurityScenarios(ProductionApp app) : IClassFixture<ProductionApp>
{
    [Fact]
    public async Task Every_cookie_is_secure_and_https_answers_carry_strict_transport_security()
    {
        foreach (var origin in new[] { "https://portail.exemple.fr", "http://portail.exemple.fr" })
        {
            var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(origin), AllowAutoRedirect = false, HandleCookies = false });
            var page = await client.GetAsync("/connexion");
            var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { identifier = DemoCatalog.Families[7].Identifier, password = DemoCatalog.FamilyPassword });

            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("secure", ForwardedHeaderScenarios.CookieAttributes(page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pf_antiforgery=", StringComparison.Ordinal))));
            Assert.Contains("secure", ForwardedHeaderScenarios.CookieAttributes(login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pf_session=", StringComparison.Ordinal))));
            if (origin.StartsWith("https", StringComparison.Ordinal))
                Assert.Equal("max-age=2592000", Assert.Single(page.Headers.GetValues("Strict-Transport-Security"))); // 30 days, ASP.NET Core's default
            else
                Assert.False(page.Headers.Contains("Strict-Transport-Security"), "HSTS is only sent over https");
            SecurityHeaderScenarios.AssertSecurityHeaders(page, origin);
        }
    }

    [Fact]
    public async Task The_structure_cookie_is_secure_too()
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portail.exemple.fr"), AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/connexion");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var structureId = Regex.Match(page, "name=\"structureId\"[^>]*>\\s*<option value=\"([0-9a-f-]{36})\"").Groups[1].Value;

        var chosen = await client.PostAsync("/structure", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["structureId"] = structureId,
            ["returnUrl"] = "/connexion",
        }));

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Contains("secure", ForwardedHeaderScenarios.CookieAttributes(chosen.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pf_structure=", StringComparison.Ordinal))));
    }

    /// <summary>HstsOptions.ExcludedHosts: localhost, 127.0.0.1 and [::1] never get the header (a developer's machine).</summary>
    [Fact]
    public async Task Strict_transport_security_is_not_sent_to_localhost()
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var page = await client.GetAsync("/connexion");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
    }
}

/// <summary>A configuration error in the proxy lists stops the start and names its key.</summary>
public sealed class ForwardedHeaderConfigurationScenarios
{
    [Theory]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "pas-un-reseau")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0")]
    [InlineData("ForwardedHeaders:KnownNetworks", "10.0.0.0/8, 10.1/16")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "10.0.0")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.interne")]
    [InlineData("Security:CookieSecurePolicy", "Never")]
    public void A_bad_value_refuses_to_start_and_names_its_key(string key, string value)
    {
        var directory = Path.Combine(Path.GetTempPath(), "pf-badconfig-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Database:Provider", "Sqlite");
            web.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(directory, "portail.db")}");
            web.UseSetting("Mail:PickupDirectory", Path.Combine(directory, "mails"));
            web.UseSetting("Documents:Root", Path.Combine(directory, "documents"));
            web.UseSetting(key, value);
            web.UseEnvironment("Testing");
        });

        var error = Record.Exception(() => factory.Server);

        Assert.NotNull(error);
        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains(key, messages, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException) yield return e;
    }
}

/// <summary>Requests as a proxy or a stranger would send them: the test server has no remote address, the fixtures give one.</summary>
internal static class PeerRequests
{
    public static async Task<HttpStatusCode> FailedLoginAsync(PortalApp app, string peer, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            // An identifier of its own each time: the per-identifier lock-out stays out of the way.
            Content = JsonContent.Create(new { identifier = "inconnu-" + Guid.NewGuid().ToString("N")[..8], password = "Mauvais2024" }),
        };
        Address(request, peer, forwardedFor, forwardedProto: null);
        return (await app.NewClient().SendAsync(request)).StatusCode;
    }

    public static async Task<string> SessionCookieAsync(PortalApp app, string peer, string? forwardedFor, string? forwardedProto, string identifier)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = JsonContent.Create(new { identifier, password = DemoCatalog.FamilyPassword }),
        };
        Address(request, peer, forwardedFor, forwardedProto);
        var response = await app.NewClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pf_session=", StringComparison.Ordinal));
    }

    private static void Address(HttpRequestMessage request, string peer, string? forwardedFor, string? forwardedProto)
    {
        request.Headers.Add(PeerAddress.Header, peer);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (forwardedProto is not null) request.Headers.Add("X-Forwarded-Proto", forwardedProto);
    }
}

/// <summary>
/// TestServer leaves Connection.RemoteIpAddress null (and the forwarded headers middleware believes the first hop
/// from a null address): this filter, before the Host's pipeline, gives each request the address of X-Test-Peer.
/// </summary>
public sealed class PeerAddress(string defaultPeer) : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            var peer = context.Request.Headers[Header].ToString();
            context.Connection.RemoteIpAddress = IPAddress.Parse(string.IsNullOrEmpty(peer) ? defaultPeer : peer);
            context.Request.Headers.Remove(Header);
            return nextMiddleware(context);
        });
        next(app);
    };
}

public sealed class SecurityHeadersApp : SqlitePortalApp
{
    protected override bool RunsWorkerInProcess => false;
}

/// <summary>A proxy at 10.0.0.7 and a proxy network 10.8.0.0/16; 3 sign-in posts a minute per client.</summary>
public sealed class ForwardingApp : SqlitePortalApp
{
    public const string Proxy = "10.0.0.7";
    public const int PermitsPerMinute = 3;

    protected override bool RunsWorkerInProcess => false;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
    [
        new("RateLimiting:AuthPermitsPerMinute", PermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("ForwardedHeaders:KnownProxies:0", Proxy),
        new("ForwardedHeaders:KnownNetworks", "10.8.0.0/16"),
    ];

    protected override void ConfigureHostServices(IServiceCollection services) => services.AddSingleton<IStartupFilter>(new PeerAddress("192.0.2.1"));
}

/// <summary>No proxy configured; requests come from loopback unless they say otherwise.</summary>
public sealed class NoProxyApp : SqlitePortalApp
{
    public const string Loopback = "127.0.0.1";

    protected override bool RunsWorkerInProcess => false;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
        [new("RateLimiting:AuthPermitsPerMinute", ForwardingApp.PermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    protected override void ConfigureHostServices(IServiceCollection services) => services.AddSingleton<IStartupFilter>(new PeerAddress(Loopback));
}

/// <summary>The Production environment with its own cookie default (the fixtures' SameAsRequest removed).</summary>
public sealed class ProductionApp : SqlitePortalApp
{
    protected override string HostEnvironment => "Production";

    protected override bool RunsWorkerInProcess => false;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Security:CookieSecurePolicy", null)];
}
