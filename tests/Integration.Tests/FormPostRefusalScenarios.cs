using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PortailFamille.BuildingBlocks.Demo;
using PortailFamille.Dossier.Contracts;

namespace PortailFamille.Integration.Tests;

/// <summary>
/// A page's form post the portal refuses (antiforgery token missing or wrong, no or an unknown form name, a body that
/// is not a form, a form over the size limits) answers 400 and the French page, never the framework's English text
/// nor an empty body; in the test environment and in Development, where ASP.NET Core writes its diagnostics.
/// </summary>
public abstract partial class FormPostRefusalScenarios<TApp>(TApp app) : IClassFixture<TApp> where TApp : PortalApp
{
    private const string French = "Le formulaire envoyé n'est pas valide ou a expiré";

    private static DemoCatalog.DemoFamily Family => DemoCatalog.Families[21]; // famille22: read-only here

    /// <summary>Each way a post is refused: a name and the body, built from a valid token of the page and its form's name.</summary>
    private static IEnumerable<(string Way, Func<string, string, HttpContent?> Body)> RefusedWays()
    {
        yield return ("no antiforgery token", (_, form) => Form(("_handler", form), ("Input.Identifier", "famille01")));
        yield return ("a wrong antiforgery token", (_, form) => Form(("_handler", form), ("__RequestVerificationToken", "CfDJ8-pas-un-jeton"), ("Input.Identifier", "famille01")));
        yield return ("no form name", (token, _) => Form(("__RequestVerificationToken", token), ("Input.Identifier", "famille01")));
        yield return ("an unknown form name", (token, _) => Form(("__RequestVerificationToken", token), ("_handler", "formulaire-inconnu")));
        yield return ("two form names", (token, form) => Form(("__RequestVerificationToken", token), ("_handler", form), ("_handler", form)));
        yield return ("a JSON body", (_, _) => new StringContent("{\"_handler\":\"x\"}", Encoding.UTF8, "application/json"));
        yield return ("no body", (_, _) => null);
        yield return ("a field over the form limits", (token, form) => Form(("__RequestVerificationToken", token), ("_handler", form), ("x", new string('a', 4 * 1024 * 1024 + 1))));
        yield return ("more fields than the form limits", (token, form) =>
            Form([("__RequestVerificationToken", token), ("_handler", form), .. Enumerable.Range(0, 1100).Select(i => ($"f{i}", "x"))]));
    }

    [Fact]
    public async Task Every_refused_form_post_on_the_family_pages_answers_400_and_the_french_page()
    {
        var family = await app.SignedInClientAsync(Family.Identifier, DemoCatalog.FamilyPassword);
        var form = (await app.SendAsync(new OpenDossier(Family.Id))).Forms.First(f => f.Kind == FormKind.Insurance);
        (string Path, string Form)[] pages =
        [
            ("/profil", "courriels"),
            ("/profil", "mot-de-passe"),
            ("/reservations/panier", "valider"),
            ($"/dossier-famille/fiches/{form.Id}/modifier", "fiche"),
            ("/solde-et-paiements/paiement-cb", "paiement-cb"),
        ];

        await AssertRefusedAsync(family, pages);
    }

    [Fact]
    public async Task Every_refused_form_post_on_the_public_and_staff_pages_answers_400_and_the_french_page()
    {
        await AssertRefusedAsync(app.NewClient(), [("/connexion", "connexion"), ("/mot-de-passe/oublie", "mot-de-passe-oublie")]);
        var staff = await app.SignedInClientAsync("admin", DemoCatalog.StaffPassword);
        await AssertRefusedAsync(staff, [("/gestion/dossiers", "x"), ("/gestion/familles", "x")]);
    }

    [Fact]
    public async Task A_profile_form_posted_without_its_fields_shows_the_page_with_a_french_message()
    {
        var family = await app.SignedInClientAsync(Family.Identifier, DemoCatalog.FamilyPassword);
        var token = await TokenAsync(family, "/profil");

        var response = await family.PostAsync("/profil", Form(("__RequestVerificationToken", token), ("_handler", "mot-de-passe")));

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Profil utilisateur", page);
        Assert.Contains("mot de passe", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("The ", page, StringComparison.Ordinal);
    }

    private static async Task AssertRefusedAsync(HttpClient client, (string Path, string Form)[] pages)
    {
        foreach (var (path, form) in pages)
        {
            var token = await TokenAsync(client, path);
            foreach (var (way, body) in RefusedWays())
            {
                var response = await client.PostAsync(path, body(token, form));
                var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

                var what = $"POST {path} ({form}) with {way}: {(int)response.StatusCode} {response.Content.Headers.ContentType} « {text[..Math.Min(200, text.Length)]} »";
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, what);
                Assert.True(response.Content.Headers.ContentType?.MediaType == "text/html", what);
                Assert.True(text.Contains(French, StringComparison.Ordinal), what);
                Assert.True(text.Contains("<html lang=\"fr\">", StringComparison.Ordinal), what);
            }

            // The page still works afterwards: nothing of the refusals stuck to the session.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        }
    }

    private static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(path);
        var token = Token().Match(page);
        // Interactive staff pages carry no form: any token of the session will do (the post is refused before it is read).
        return token.Success ? WebUtility.HtmlDecode(token.Groups[1].Value) : "";
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

/// <summary>The portal in the Development environment, where ASP.NET Core writes its (English) diagnostics.</summary>
public sealed class DevelopmentPortalApp : SqlitePortalApp
{
    protected override string HostEnvironment => "Development";
}

public sealed class FormPostRefusalTests(SqlitePortalApp app) : FormPostRefusalScenarios<SqlitePortalApp>(app);

public sealed class DevelopmentFormPostRefusalTests(DevelopmentPortalApp app) : FormPostRefusalScenarios<DevelopmentPortalApp>(app);
