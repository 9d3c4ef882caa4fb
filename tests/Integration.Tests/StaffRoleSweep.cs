using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Mediator;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Billing.Contracts;
using PortailFamille.BuildingBlocks.Demo;
using PortailFamille.BuildingBlocks.Mediation;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Host.Composition;

namespace PortailFamille.Integration.Tests;

/// <summary>
/// Each staff role, then a family, against every staff page and every staff-only message: the menu shows exactly the tabs
/// the role opens, a page shows only the buttons the role may use, and a message the role may not send is refused by the
/// mediator itself, whether a page's button, a component or an API route sends it.
/// </summary>
public sealed partial class StaffRoleSweep(SqlitePortalApp app) : IClassFixture<SqlitePortalApp>
{
    private static readonly string[] StaffPages = ["/gestion", "/gestion/familles", "/gestion/dossiers", "/gestion/activites", "/gestion/pointage", "/gestion/regie", "/gestion/journal"];

    public static TheoryData<string, string[]> RolesAndTabs => new()
    {
        { "agent.education", ["/gestion", "/gestion/familles", "/gestion/dossiers", "/gestion/activites", "/gestion/pointage", "/gestion/journal"] },
        { "regie", ["/gestion", "/gestion/regie"] },
        { "admin", StaffPages },
    };

    [Theory]
    [MemberData(nameof(RolesAndTabs))]
    public async Task The_menu_shows_a_role_exactly_the_pages_it_opens(string identifier, string[] expectedTabs)
    {
        var client = await app.SignedInClientAsync(identifier, DemoCatalog.StaffPassword);

        var opens = new List<string>();
        foreach (var path in StaffPages)
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.OK) opens.Add(path);
            else Assert.Contains("/acces-refuse", response.Headers.Location?.ToString() ?? $"{path}: {(int)response.StatusCode}");
        }

        var menu = MenuLinks(await client.GetStringAsync("/gestion"));
        Assert.Equal(expectedTabs, opens);
        Assert.Equal(opens, menu);
    }

    [Fact]
    public async Task The_dashboard_offers_the_regie_neither_the_transmission_nor_the_broadcast()
    {
        var regie = await DashboardAsync("regie");
        var agent = await DashboardAsync("agent.education");
        var admin = await DashboardAsync("admin");

        Assert.DoesNotContain("Transmettre maintenant", regie);
        Assert.DoesNotContain("Envoyer à toutes les familles", regie);
        Assert.Contains("Anomalies des paiements par carte", regie);
        Assert.Contains("Publier une information", regie);

        Assert.Contains("Transmettre maintenant", agent);
        Assert.Contains("Envoyer à toutes les familles", agent);
        Assert.DoesNotContain("Anomalies des paiements par carte", agent);

        foreach (var section in new[] { "Transmettre maintenant", "Envoyer à toutes les familles", "Anomalies des paiements par carte", "Publier une information" })
            Assert.Contains(section, admin);
    }

    private async Task<string> DashboardAsync(string identifier) =>
        WebUtility.HtmlDecode(await (await app.SignedInClientAsync(identifier, DemoCatalog.StaffPassword)).GetStringAsync("/gestion"));

    public static TheoryData<string> Roles => new() { "AgentEducation", "Cashier", "Administrator", "family" };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_staff_message_is_refused_by_the_mediator_to_whoever_lacks_its_policy(string role)
    {
        var user = role == "family" ? Family(DemoCatalog.Families[0].Id) : Staff(role);
        var authorization = app.HostServices.GetRequiredService<IAuthorizationService>();
        var refused = 0;
        foreach (var (type, policy) in StaffActions.PolicyByMessage)
        {
            var allowed = (await authorization.AuthorizeAsync(user, policy)).Succeeded;
            var message = RuntimeHelpers.GetUninitializedObject(type);
            if (allowed)
            {
                // The check passes (the handler is not run here: the message is empty).
                Assert.Null(await RefusalAsync(user, message));
                continue;
            }

            // Sent for real through the Host's mediator as that user: refused before validation and handler.
            var outcome = await SendAsActingAsync(user, message);
            Assert.True(outcome == "staff.action_forbidden", $"{type.Name} sent by {role}: {outcome}");
            refused++;
        }

        var expectedRefusals = role switch { "Administrator" => 0, "AgentEducation" => 5, "Cashier" => 22, _ => StaffActions.PolicyByMessage.Count };
        Assert.Equal(expectedRefusals, refused);
    }

    [Fact]
    public async Task A_family_may_only_name_its_own_family_in_a_message()
    {
        var a = DemoCatalog.Families[1];
        var b = DemoCatalog.Families[4];
        var user = Family(a.Id);

        Assert.Null(await RefusalAsync(user, new GetWalletBalances(a.Id)));
        Assert.Equal("family.not_yours", (await RefusalAsync(user, new GetWalletBalances(b.Id)))?.Code);
        Assert.Equal("family.not_yours", await SendAsActingAsync(user, new GetWalletBalances(b.Id)));
        // No family id is the staff's « any family »: never a family's.
        Assert.Equal("family.not_yours", (await RefusalAsync(user, new GetForm(Guid.NewGuid(), null)))?.Code);
        Assert.Null(await RefusalAsync(Staff("AgentEducation"), new GetForm(Guid.NewGuid(), null)));
    }

    [Fact]
    public void Every_command_is_a_staff_action_a_family_action_or_named_here()
    {
        // Commands that no table row and no family id guard: each is open to anyone on purpose (signing in, a reset
        // link, the webhook) or acts only on the sender's own account, which its endpoint takes from the session.
        string[] open = ["SignIn", "RequestPasswordReset", "ResetPasswordWithLink", "OpenSession", "EndSession", "EndAllSessions",
            "ChangePassword", "AcceptConsents", "UpdateEmails", "PurgePasswordLinks", "ApplyPaymentEvent", "OpenDossier"];
        var contracts = new[] { typeof(SignIn), typeof(ListChildren), typeof(PortailFamille.Reservations.Contracts.ListActivities), typeof(GetWalletBalances), typeof(PortailFamille.Notifications.Contracts.PublishNews) }
            .Select(t => t.Assembly);
        var unclassified = contracts.SelectMany(a => a.GetExportedTypes())
            .Where(t => t.GetInterfaces().Any(i => i == typeof(IBaseCommand)))
            .Where(t => !StaffActions.PolicyByMessage.ContainsKey(t) && t.GetProperty("FamilyAccountId") is null && !open.Contains(t.Name))
            .Select(t => t.Name)
            .ToList();
        Assert.Empty(unclassified);
    }

    [Fact]
    public void No_component_sends_through_the_request_mediator()
    {
        // Components send through ScopedSender, which makes the circuit's user the acting user: a component holding ISender
        // would send with no user at all in a circuit, and the authorisation would not know who acts.
        var mediatorTypes = new[] { typeof(ISender), typeof(IMediator), typeof(IPublisher) };
        var offenders = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null && mediatorTypes.Contains(p.PropertyType))
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToList();
        Assert.Empty(offenders);
    }

    private async Task<Error?> RefusalAsync(ClaimsPrincipal user, object message)
    {
        await using var scope = app.HostServices.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActingUser>().Principal = user;
        return await scope.ServiceProvider.GetRequiredService<IActionAuthorizer>().RefusalForAsync(message, default);
    }

    /// <summary>Sends through the Host's mediator with <paramref name="user"/> acting; answers the refusal's code.</summary>
    private async Task<string> SendAsActingAsync(ClaimsPrincipal user, object message)
    {
        await using var scope = app.HostServices.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActingUser>().Principal = user;
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        try
        {
            var response = await sender.Send(message);
            return response is IResultBase { Error: { } error } ? error.Code : $"accepted ({response})";
        }
        catch (ActionForbiddenException forbidden)
        {
            return forbidden.Error.Code;
        }
    }

    private static ClaimsPrincipal Staff(string role) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
        new Claim(ClaimTypes.Name, "Test " + role),
        new Claim(PortailClaims.Kind, "Staff"),
        new Claim(ClaimTypes.Role, role),
    ], CookieAuthenticationDefaults.AuthenticationScheme));

    private static ClaimsPrincipal Family(Guid familyAccountId) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
        new Claim(ClaimTypes.Name, "Famille"),
        new Claim(PortailClaims.Kind, "Family"),
        new Claim(PortailClaims.FamilyAccountId, familyAccountId.ToString()),
    ], CookieAuthenticationDefaults.AuthenticationScheme));

    private static List<string> MenuLinks(string html)
    {
        var nav = NavBlock().Match(html);
        Assert.True(nav.Success, "the staff page has its menu");
        return NavLink().Matches(nav.Groups[1].Value).Select(m => m.Groups[1].Value).Where(h => h.StartsWith("/gestion", StringComparison.Ordinal)).ToList();
    }

    [GeneratedRegex("<nav class=\"pf-tabs\"[^>]*>(.*?)</nav>", RegexOptions.Singleline)]
    private static partial Regex NavBlock();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex NavLink();
}
