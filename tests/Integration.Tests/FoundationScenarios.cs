using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PortailFamille.Accounts.Contracts;
using PortailFamille.BuildingBlocks.Demo;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Notifications.Contracts;
using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Integration.Tests;

/// <summary>The foundation's scenarios, run the same on SQLite and on PostgreSQL.</summary>
public abstract class FoundationScenarios<TApp>(TApp app) : IClassFixture<TApp> where TApp : PortalApp
{
    private static readonly Guid Education = DemoCatalog.Education.Id;

    [Fact]
    public async Task Home_page_shows_the_seeded_news_of_the_default_structure()
    {
        var html = WebUtility.HtmlDecode(await app.NewClient().GetStringAsync("/"));

        Assert.Contains("Ouverture des réservations de la PÉRIODE 1 le lundi 19 août 2024", html);
        Assert.Contains("Ville de Cestas – Éducation Jeunesse", html);
        Assert.Contains("Solde et paiements", html);
        Assert.Contains("Dossier Famille", html);
        // The other structure's news is not mixed in.
        Assert.DoesNotContain("Vacances de la Toussaint : réservez avant", html);
    }

    [Fact]
    public async Task A_session_opened_on_one_host_is_honoured_by_another_host_of_the_same_database()
    {
        var login = await app.Factory.CreateClient(new() { HandleCookies = false })
            .PostAsJsonAsync("/api/v1/auth/login", new { identifier = "famille07", password = DemoCatalog.FamilyPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var session = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pf_session=", StringComparison.Ordinal)).Split(';')[0];

        await using var other = app.NewHost();
        var client = other.CreateClient(new() { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", session);
        var me = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("famille07", await me.Content.ReadAsStringAsync());
        // The key ring is in the database, not in a folder of one machine.
        await using var scope = app.HostServices.CreateAsyncScope();
        Assert.NotEmpty(scope.ServiceProvider.GetRequiredService<PortailFamille.Accounts.Persistence.AccountsDbContext>().DataProtectionKeys.ToList());
    }

    [Fact]
    public async Task Rester_connecte_keeps_the_session_cookie_thirty_days_otherwise_it_ends_with_the_browser()
    {
        var client = app.Factory.CreateClient(new() { HandleCookies = false });
        var kept = await client.PostAsJsonAsync("/api/v1/auth/login", new { identifier = "famille08", password = DemoCatalog.FamilyPassword, rememberMe = true });
        var session = await client.PostAsJsonAsync("/api/v1/auth/login", new { identifier = "famille08", password = DemoCatalog.FamilyPassword });

        var keptCookie = kept.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pf_session=", StringComparison.Ordinal));
        var expires = System.Text.RegularExpressions.Regex.Match(keptCookie, "expires=([^;]+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        Assert.True(expires.Success, keptCookie);
        var days = (DateTimeOffset.Parse(expires.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.UtcNow).TotalDays;
        Assert.InRange(days, 29.9, 30.1);
        Assert.DoesNotContain("expires=", session.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pf_session=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);

        // The kept cookie opens the portal.
        var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        me.Headers.Add("Cookie", keptCookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(me)).StatusCode);
    }

    [Fact]
    public async Task Structure_switcher_scopes_the_home_page_to_the_chosen_structure()
    {
        var client = app.NewClient();
        var page = await client.GetStringAsync("/");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/structure", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["structureId"] = DemoCatalog.Leisure.Id.ToString(),
            ["returnUrl"] = "/",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        Assert.Contains("Vacances de la Toussaint : réservez avant le lundi 7 octobre 2024", html);
        Assert.DoesNotContain("Ouverture des réservations de la PÉRIODE 1", html);
    }

    [Fact]
    public async Task Structure_switch_without_antiforgery_token_is_refused()
    {
        var response = await app.NewClient().PostAsync("/structure", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["structureId"] = DemoCatalog.Leisure.Id.ToString(),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Demo_data_matches_the_reference_guide_and_is_seeded_once()
    {
        await AssertDemoCountsAsync();

        // A second start (or a second process) seeds nothing more.
        await app.HostServices.MigrateAndSeedAsync(seedDemoData: true);
        await AssertDemoCountsAsync();

        await using var scope = app.HostServices.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var periods = await sender.Send(new ListBookingPeriods(Education));
        var first = Assert.Single(periods, p => p.Name == "PÉRIODE 1");
        Assert.Equal(new DateOnly(2024, 8, 19), first.OpensOn);
        Assert.Equal(new DateOnly(2024, 9, 2), first.StartsOn);
        Assert.Equal(new DateOnly(2024, 10, 18), first.EndsOn);
        Assert.Contains(first.Closures, c => c.Day == new DateOnly(2024, 9, 4) && c.Kind == ActivityKind.WednesdayCentre);
        var fifth = Assert.Single(periods, p => p.Name == "PÉRIODE 5");
        Assert.Equal((new DateOnly(2025, 4, 18), new DateOnly(2025, 5, 5), new DateOnly(2025, 7, 4)), (fifth.OpensOn, fifth.StartsOn, fifth.EndsOn));
    }

    private async Task AssertDemoCountsAsync()
    {
        await using var scope = app.HostServices.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();

        var structures = await sender.Send(new ListStructures());
        Assert.Equal(2, structures.Count);
        Assert.All(structures, s => Assert.Equal("Ville de Cestas", s.Town));

        var families = new List<FamilyAccountView>();
        foreach (var s in structures) families.AddRange(await sender.Send(new ListFamilyAccounts(s.Id)));
        Assert.Equal(31, families.Count); // 30 families, plus the other parent of family 1 (separated parents)
        Assert.Equal(52, await sender.Send(new CountChildren(families.Select(f => f.Id).ToList())));

        var kinds = new HashSet<ActivityKind>();
        var periods = 0;
        foreach (var s in structures)
        {
            kinds.UnionWith((await sender.Send(new ListActivities(s.Id))).Select(a => a.Kind));
            periods += (await sender.Send(new ListBookingPeriods(s.Id))).Count;
        }

        Assert.Equal(Enum.GetValues<ActivityKind>().ToHashSet(), kinds);
        Assert.Equal(12, periods); // the guide's 10, plus one school-time and one holiday period open around today for the demo
    }

    [Fact]
    public async Task Each_module_owns_its_own_tables()
    {
        var tables = await ListTablesAsync();
        string[] modules = ["accounts", "dossier", "reservations", "billing", "notifications"];

        foreach (var module in modules)
            Assert.Contains(tables, t => t.Module == module);
        Assert.Contains(("notifications", "news"), tables);
        Assert.Contains(("notifications", "worker_journal"), tables);
        Assert.Contains(("accounts", "family_accounts"), tables);
        Assert.Contains(("billing", "ledger_entries"), tables);
        Assert.Contains(("dossier", "children"), tables);
        Assert.Contains(("reservations", "booking_periods"), tables);
        // Every table belongs to exactly one module, to Wolverine, or to EF's bookkeeping.
        Assert.All(tables, t => Assert.True(
            modules.Contains(t.Module) || t.Module is "wolverine" or "wolverine_queues" or "ef",
            $"table {t.Module}.{t.Table} belongs to no module"));
        // Each module keeps its own migrations history.
        foreach (var module in modules)
            Assert.True(tables.Contains((module, "__ef_migrations")) || tables.Contains(("ef", $"__ef_migrations_{module}")), $"no history for {module}");
    }

    private async Task<List<(string Module, string Table)>> ListTablesAsync()
    {
        await using DbConnection connection = app.Provider == "Sqlite"
            ? new SqliteConnection(app.ConnectionString)
            : new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = app.Provider == "Sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema', 'public')";
        var result = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var name = reader.GetString(0);
            if (app.Provider == "Sqlite")
            {
                if (name.StartsWith("__ef", StringComparison.Ordinal) || name.StartsWith("__EF", StringComparison.Ordinal)) result.Add(("ef", name));
                else if (name.StartsWith("wolverine", StringComparison.Ordinal)) result.Add(("wolverine", name));
                else result.Add((name[..name.IndexOf('_')], name[(name.IndexOf('_') + 1)..]));
            }
            else
            {
                var dot = name.IndexOf('.');
                result.Add((name[..dot], name[(dot + 1)..]));
            }
        }

        return result;
    }

    [Fact]
    public async Task Every_module_model_matches_its_migrations()
    {
        await using var scope = app.HostServices.CreateAsyncScope();
        Microsoft.EntityFrameworkCore.DbContext[] contexts =
        [
            scope.ServiceProvider.GetRequiredService<PortailFamille.Accounts.Persistence.AccountsDbContext>(),
            scope.ServiceProvider.GetRequiredService<PortailFamille.Dossier.Persistence.DossierDbContext>(),
            scope.ServiceProvider.GetRequiredService<PortailFamille.Reservations.Persistence.ReservationsDbContext>(),
            scope.ServiceProvider.GetRequiredService<PortailFamille.Billing.Persistence.BillingDbContext>(),
            scope.ServiceProvider.GetRequiredService<PortailFamille.Notifications.Persistence.NotificationsDbContext>(),
        ];
        foreach (var context in contexts)
            Assert.False(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.HasPendingModelChanges(context.Database),
                $"{context.GetType().Name} has model changes without a migration: run scripts/add-migration");
    }

    [Fact]
    public async Task Staff_publication_reaches_the_home_page_and_is_recorded_by_the_worker()
    {
        var staff = await app.SignedInClientAsync("admin", DemoCatalog.StaffPassword);
        var title = $"Grève du jeudi 5 décembre ({Guid.NewGuid():N})"[..40];

        var response = await staff.PostAsJsonAsync("/api/v1/staff/news", new { structureId = Education, title, body = "Service minimum d'accueil de 7 h 30 à 18 h 30." });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var html = WebUtility.HtmlDecode(await app.NewClient().GetStringAsync("/"));
        Assert.Contains(title, html);
        Assert.Contains("Sophie BERNARD", html);

        // The NewsPublished event crossed the durable queue to the Worker, which recorded it.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        NewsItemView? item = null;
        while (DateTime.UtcNow < deadline)
        {
            var news = await app.NewClient().GetFromJsonAsync<List<NewsItemView>>($"/api/v1/news?structureId={Education}");
            item = news!.Single(n => n.Id == id);
            if (item.ProcessedByWorkerAt is not null) break;
            await Task.Delay(500);
        }

        Assert.NotNull(item?.ProcessedByWorkerAt);
        Assert.True(item!.ProcessedByWorkerAt >= item.PublishedAt);
    }

    [Fact]
    public async Task Invalid_publication_is_refused_with_french_messages_and_stores_nothing()
    {
        var staff = await app.SignedInClientAsync("agent.education", DemoCatalog.StaffPassword);
        var before = (await app.NewClient().GetFromJsonAsync<List<NewsItemView>>($"/api/v1/news?structureId={Education}&take=100"))!.Count;

        var response = await staff.PostAsJsonAsync("/api/v1/staff/news", new { structureId = Education, title = "   ", body = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("validation.failed", problem.GetProperty("code").GetString());
        Assert.Contains("Le titre est obligatoire.", problem.GetProperty("errors").GetProperty("Title").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("Le texte de l'information est obligatoire.", problem.GetProperty("errors").GetProperty("Body").EnumerateArray().Select(e => e.GetString()));
        var after = (await app.NewClient().GetFromJsonAsync<List<NewsItemView>>($"/api/v1/news?structureId={Education}&take=100"))!.Count;
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Publishing_requires_a_staff_member()
    {
        var body = new { structureId = Education, title = "Intrus", body = "Ne doit pas paraître." };

        var anonymous = await app.NewClient().PostAsJsonAsync("/api/v1/staff/news", body);
        var family = await (await app.SignedInClientAsync("famille01", DemoCatalog.FamilyPassword)).PostAsJsonAsync("/api/v1/staff/news", body);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, family.StatusCode);
        Assert.DoesNotContain("Intrus", WebUtility.HtmlDecode(await app.NewClient().GetStringAsync("/")));
    }

    [Fact]
    public async Task Family_pages_require_sign_in_and_show_the_familys_own_data()
    {
        var anonymous = await app.NewClient().GetAsync("/solde-et-paiements");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/connexion", anonymous.Headers.Location!.PathAndQuery);

        var family = await app.SignedInClientAsync("famille01", DemoCatalog.FamilyPassword);
        var balance = WebUtility.HtmlDecode(await family.GetStringAsync("/solde-et-paiements"));
        Assert.Contains("RESTAURATION", balance);
        Assert.Contains("41,15 €", balance); // famille01's seeded cheque: 40 € + 1,15 €

        var file = WebUtility.HtmlDecode(await family.GetStringAsync("/dossier-famille"));
        Assert.Contains("DUPONT Amalia", file);
        Assert.DoesNotContain("MARTIN", file.Replace("Claire MARTIN", "")); // family 2's name never shows

        var staffPage = await family.GetAsync("/gestion");
        Assert.Equal(HttpStatusCode.Redirect, staffPage.StatusCode);
        Assert.StartsWith("/acces-refuse", staffPage.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_identifier_get_the_same_answer()
    {
        var client = app.NewClient();
        var wrongPassword = await client.PostAsync("/connexion", await PortalApp.SignInFormAsync(client, "famille01", "Mauvais2024"));
        var unknown = await client.PostAsync("/connexion", await PortalApp.SignInFormAsync(client, "personne", "Mauvais2024"));

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var a = WebUtility.HtmlDecode(await wrongPassword.Content.ReadAsStringAsync());
        var b = WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync());
        Assert.Contains("Identifiant ou mot de passe incorrect.", a);
        Assert.Contains("Identifiant ou mot de passe incorrect.", b);
        Assert.False(client.DefaultRequestHeaders.Contains("Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Health_reports_every_module_database()
    {
        var health = await app.NewClient().GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        foreach (var module in new[] { "accounts", "dossier", "reservations", "billing", "notifications" })
            Assert.Equal("Healthy", health.GetProperty("checks").GetProperty($"db-{module}").GetString());
    }

    [Fact]
    public async Task Api_errors_are_problem_details_and_pages_are_french()
    {
        var api = await app.NewClient().GetAsync("/api/v1/nexiste-pas");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        var page = await app.NewClient().GetAsync("/nexiste-pas");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Page introuvable", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
    }
}

public sealed class SqliteFoundationTests(SqlitePortalApp app) : FoundationScenarios<SqlitePortalApp>(app);

public sealed class PostgresFoundationTests(PostgresPortalApp app) : FoundationScenarios<PostgresPortalApp>(app);
