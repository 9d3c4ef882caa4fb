using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PortailFamille.Accounts.Contracts;
using PortailFamille.BuildingBlocks.Demo;

namespace PortailFamille.Integration.Tests;

/// <summary>Accounts through HTTP: sign-in, lock-out, reset by e-mail (real SMTP), first login, staff actions.</summary>
public sealed partial class AccountsScenarios(AccountsApp app) : IClassFixture<AccountsApp>
{
    private const string Password = DemoCatalog.FamilyPassword;
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(60);

    private static DemoCatalog.DemoFamily Family(int number) => DemoCatalog.Families[number - 1];

    private async Task<HttpResponseMessage> LoginAsync(HttpClient client, string identifier, string password) =>
        await client.PostAsJsonAsync("/api/v1/auth/login", new { identifier, password });

    [Fact]
    public async Task Api_login_opens_a_session_that_logout_closes()
    {
        var client = app.NewClient();

        var login = await LoginAsync(client, "famille02", Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("famille02", me.GetProperty("account").GetProperty("identifier").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_session_expires_after_thirty_minutes_without_activity()
    {
        var client = app.NewClient();
        await LoginAsync(client, "famille19", Password);

        app.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode); // activity slides the expiry
        app.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.StartsWith("/connexion", (await client.GetAsync("/historiques")).Headers.Location!.PathAndQuery.Replace("http://localhost", ""));
    }

    [Fact]
    public async Task Wrong_password_and_unknown_identifier_get_identical_answers()
    {
        var wrong = await LoginAsync(app.NewClient(), "famille06", "Mauvais2024");
        var unknown = await LoginAsync(app.NewClient(), "personne.inconnue", "Mauvais2024");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(wrong.StatusCode, unknown.StatusCode);
        Assert.Equal(await ProblemWithoutTraceAsync(wrong), await ProblemWithoutTraceAsync(unknown));
    }

    [Fact]
    public async Task Five_failures_lock_the_identifier_for_fifteen_minutes_with_a_clear_message()
    {
        var client = app.NewClient();
        for (var i = 1; i <= 4; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "famille03", $"Mauvais{i}x")).StatusCode);

        var fifth = await LoginAsync(client, "famille03", "Mauvais5x");
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        var problem = await fifth.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("accounts.locked_out", problem.GetProperty("code").GetString());
        Assert.Contains("bloquée pendant 15 minutes", problem.GetProperty("detail").GetString());

        // Even the right password is refused while locked…
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(client, "famille03", Password)).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(client, "famille03", Password)).StatusCode);
        // …and accepted once the 15 minutes are over.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, "famille03", Password)).StatusCode);
    }

    [Fact]
    public async Task Unknown_identifiers_lock_out_like_real_ones()
    {
        var client = app.NewClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++) last = await LoginAsync(client, "nexiste.pas", "Mauvais2024");

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_shows_the_lock_out_message()
    {
        var client = app.NewClient();
        for (var i = 0; i < 4; i++) await LoginAsync(client, "famille07", "Mauvais2024");

        var page = await client.PostAsync("/connexion", await PortalApp.SignInFormAsync(client, "famille07", "Mauvais2024"));

        Assert.Contains("la connexion est bloquée pendant 15 minutes", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Staff_unlock_lifts_the_lock_and_is_audited()
    {
        var client = app.NewClient();
        for (var i = 0; i < 5; i++) await LoginAsync(client, "famille04", "Mauvais2024");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(client, "famille04", Password)).StatusCode);

        var staff = await app.SignedInClientAsync("agent.education", DemoCatalog.StaffPassword);
        var statuses = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/staff/accounts/statuses?structureId={DemoCatalog.Education.Id}");
        Assert.True(statuses.EnumerateArray().Single(s => s.GetProperty("identifier").GetString() == "famille04").GetProperty("lockedOut").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/v1/staff/accounts/{Family(4).Id}/unlock", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(app.NewClient(), "famille04", Password)).StatusCode);
        var audit = await staff.GetFromJsonAsync<JsonElement>("/api/v1/staff/audit");
        var entry = audit.EnumerateArray().First(e => e.GetProperty("subjectIdentifier").GetString() == "famille04");
        Assert.Equal("AccountUnlocked", entry.GetProperty("action").GetString());
        Assert.Equal("Claire MARTIN", entry.GetProperty("actorName").GetString());
    }

    [Fact]
    public async Task Families_and_the_regie_cannot_use_account_management()
    {
        var family = await app.SignedInClientAsync("famille08", Password);
        var regie = await app.SignedInClientAsync("regie", DemoCatalog.StaffPassword);

        Assert.Equal(HttpStatusCode.Forbidden, (await family.PostAsync($"/api/v1/staff/accounts/{Family(8).Id}/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await regie.GetAsync("/api/v1/staff/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().GetAsync("/api/v1/staff/audit")).StatusCode);
    }

    [Fact]
    public async Task Reset_link_is_mailed_and_sets_a_new_password_once()
    {
        var family = Family(9);
        var request = await app.NewClient().PostAsJsonAsync("/api/v1/auth/password-reset", new { identifier = family.Identifier, email = family.Email.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.Accepted, request.StatusCode);

        var mail = await app.Smtp.WaitForMessageAsync(m => To(m) == family.Email, MailTimeout);
        Assert.Equal("Réinitialisation de votre mot de passe", mail.Subject);
        var body = mail.TextBody;
        Assert.Contains("Vous avez demandé à réinitialiser votre mot de passe.", body);
        Assert.Contains("valable pendant 48H", body);
        Assert.Contains("Si vous n'êtes pas à l'origine de cette demande, veuillez ignorer ce message.", body);
        var token = TokenFrom(body);

        var page = WebUtility.HtmlDecode(await app.NewClient().GetStringAsync($"/mot-de-passe/reinitialiser?jeton={Uri.EscapeDataString(token)}"));
        Assert.Contains("Saisir le nouveau mot de passe", page);
        Assert.Contains("Au moins 1 lettre en majuscule", page);

        var confirm = await ConfirmAsync(token, "Nouveau2025!");
        Assert.Equal(HttpStatusCode.NoContent, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(app.NewClient(), family.Identifier, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(app.NewClient(), family.Identifier, "Nouveau2025!")).StatusCode);

        // The link is spent: a second use is refused, and the page says why and offers a new one.
        var reuse = await ConfirmAsync(token, "Encore2025!");
        Assert.Equal(HttpStatusCode.BadRequest, reuse.StatusCode);
        Assert.Equal("accounts.link_not_valid", (await reuse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var spent = WebUtility.HtmlDecode(await app.NewClient().GetStringAsync($"/mot-de-passe/reinitialiser?jeton={Uri.EscapeDataString(token)}"));
        Assert.Contains("Ce lien a déjà servi", spent);
        Assert.Contains("Demander un nouveau lien", spent);
    }

    [Fact]
    public async Task Reset_password_must_meet_the_policy()
    {
        var family = Family(10);
        await app.NewClient().PostAsJsonAsync("/api/v1/auth/password-reset", new { identifier = family.Identifier, email = family.Email });
        var token = TokenFrom((await app.Smtp.WaitForMessageAsync(m => To(m) == family.Email, MailTimeout)).TextBody);

        var weak = await app.NewClient().PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = "court 1", confirmation = "court 1" });

        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        var messages = (await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("NewPassword").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains("Au minimum 8 caractères"));
        Assert.Contains(messages, m => m!.Contains("Au moins 1 lettre en majuscule"));
        Assert.Equal(PasswordLinkState.Valid, await LinkStateAsync(token)); // a refused attempt does not spend the link
    }

    [Fact]
    public async Task Wrong_email_gets_the_same_answer_in_the_same_time_and_no_mail()
    {
        var family = Family(11);
        var client = app.NewClient();

        var watch = Stopwatch.StartNew();
        var wrong = await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { identifier = family.Identifier, email = "intrus@exemple.fr" });
        var wrongTime = watch.Elapsed;
        watch.Restart();
        var unknown = await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { identifier = "personne.inconnue", email = family.Email });
        var unknownTime = watch.Elapsed;
        watch.Restart();
        var right = await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { identifier = family.Identifier, email = family.Email });
        var rightTime = watch.Elapsed;

        Assert.All(new[] { wrong, unknown, right }, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var bodies = await Task.WhenAll(new[] { wrong, unknown, right }.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        // Every answer waits for the same floor, so the duration does not tell whether the account exists.
        Assert.All(new[] { wrongTime, unknownTime, rightTime }, t => Assert.True(t >= TimeSpan.FromMilliseconds(690), $"answered in {t.TotalMilliseconds} ms"));

        await app.Smtp.WaitForMessageAsync(m => To(m) == family.Email, MailTimeout);
        Assert.DoesNotContain(app.Smtp.Messages, m => To(m) == "intrus@exemple.fr");
        Assert.Single(app.Smtp.Messages, m => To(m) == family.Email);
    }

    [Fact]
    public async Task A_newer_link_supersedes_the_older_one()
    {
        var family = Family(12);
        await app.NewClient().PostAsJsonAsync("/api/v1/auth/password-reset", new { identifier = family.Identifier, email = family.Email });
        var first = TokenFrom((await app.Smtp.WaitForMessageAsync(m => To(m) == family.Email, MailTimeout)).TextBody);
        await app.NewClient().PostAsJsonAsync("/api/v1/auth/password-reset", new { identifier = family.Identifier, email = family.Email });
        var second = TokenFrom((await app.Smtp.WaitForMessageAsync(m => To(m) == family.Email && TokenFrom(m.TextBody) != first, MailTimeout)).TextBody);

        Assert.Equal(PasswordLinkState.Superseded, await LinkStateAsync(first));
        Assert.Equal(HttpStatusCode.BadRequest, (await ConfirmAsync(first, "Premier2025!")).StatusCode);
        Assert.Contains("remplacé par une demande plus récente",
            WebUtility.HtmlDecode(await app.NewClient().GetStringAsync($"/mot-de-passe/reinitialiser?jeton={Uri.EscapeDataString(first)}")));
        Assert.Equal(HttpStatusCode.NoContent, (await ConfirmAsync(second, "Second2025!")).StatusCode);
    }

    [Fact]
    public async Task An_expired_link_is_refused_with_a_page_to_ask_again()
    {
        var family = Family(13);
        await app.NewClient().PostAsJsonAsync("/api/v1/auth/password-reset", new { identifier = family.Identifier, email = family.Email });
        var token = TokenFrom((await app.Smtp.WaitForMessageAsync(m => To(m) == family.Email, MailTimeout)).TextBody);

        app.Clock.Advance(TimeSpan.FromHours(48));

        Assert.Equal(HttpStatusCode.BadRequest, (await ConfirmAsync(token, "Tardif2025!")).StatusCode);
        var page = WebUtility.HtmlDecode(await app.NewClient().GetStringAsync($"/mot-de-passe/reinitialiser?jeton={Uri.EscapeDataString(token)}"));
        Assert.Contains("Ce lien a expiré", page);
        Assert.Contains("href=\"/mot-de-passe/oublie\"", page);
    }

    [Fact]
    public async Task Dead_links_are_purged_a_week_after_they_stop_working()
    {
        var family = Family(21);
        await app.NewClient().PostAsJsonAsync("/api/v1/auth/password-reset", new { identifier = family.Identifier, email = family.Email });
        var token = TokenFrom((await app.Smtp.WaitForMessageAsync(m => To(m) == family.Email, MailTimeout)).TextBody);
        await using var scope = app.HostServices.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();

        await sender.Send(new PurgePasswordLinks());
        Assert.Equal(PasswordLinkState.Valid, await LinkStateAsync(token));

        app.Clock.Advance(TimeSpan.FromHours(48) + TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        Assert.True(await sender.Send(new PurgePasswordLinks()) >= 1);
        Assert.Equal(PasswordLinkState.Unknown, await LinkStateAsync(token));
    }

    [Fact]
    public async Task A_password_change_revokes_pending_links()
    {
        var family = Family(14);
        await app.NewClient().PostAsJsonAsync("/api/v1/auth/password-reset", new { identifier = family.Identifier, email = family.Email });
        var token = TokenFrom((await app.Smtp.WaitForMessageAsync(m => To(m) == family.Email, MailTimeout)).TextBody);

        var client = app.NewClient();
        await LoginAsync(client, family.Identifier, Password);
        var change = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = Password, newPassword = "Change2025!", confirmation = "Change2025!" });
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);

        Assert.Equal(PasswordLinkState.Superseded, await LinkStateAsync(token));
    }

    [Fact]
    public async Task Changing_the_password_requires_the_current_one()
    {
        var client = app.NewClient();
        await LoginAsync(client, "famille15", Password);

        var refused = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "Mauvais2024", newPassword = "Change2025!", confirmation = "Change2025!" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("accounts.wrong_current_password", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(app.NewClient(), "famille15", Password)).StatusCode);
    }

    [Fact]
    public async Task First_login_asks_a_new_password_then_the_notices_then_the_rules_of_each_child()
    {
        var family = Family(30);
        var client = app.NewClient();
        var signIn = await client.PostAsync("/connexion", await PortalApp.SignInFormAsync(client, family.Identifier, Password));
        Assert.Equal("/mot-de-passe/nouveau", PathOf(signIn));

        // Nothing else is reachable before the new password.
        Assert.Equal("/mot-de-passe/nouveau", PathOf((await client.GetAsync("/solde-et-paiements"))));
        var api = await client.GetAsync("/api/v1/wallets");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("accounts.first_login_incomplete", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var changed = await PostFormAsync(client, "/mot-de-passe/nouveau", "nouveau-mot-de-passe", new()
        {
            ["Input.Current"] = Password, ["Input.New"] = "Premiere2025!", ["Input.Confirmation"] = "Premiere2025!",
        });
        Assert.Equal("/premiere-connexion", PathOf(changed));
        Assert.Equal("/premiere-connexion", PathOf((await client.GetAsync("/"))));

        var refused = await PostFormAsync(client, "/premiere-connexion", "consentements", new() { ["Input.Privacy"] = "true" });
        Assert.Contains("acceptez la notice RGPD et les conditions générales", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        var accepted = await PostFormAsync(client, "/premiere-connexion", "consentements", new() { ["Input.Privacy"] = "true", ["Input.Terms"] = "true" });
        Assert.Equal("/dossier-famille/reglement-interieur", PathOf(accepted));
        await using (var scope = app.HostServices.CreateAsyncScope())
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetPendingConsents(family.Id)));

        foreach (var child in family.Children)
        {
            var signed = await PostFormAsync(client, $"/dossier-famille/reglement-interieur?enfant={child.Id}", "reglement", new()
            {
                ["Input.ChildId"] = child.Id.ToString(), ["Input.Acknowledged"] = "true", ["Input.SignerName"] = "Damien FAURE", ["Input.Place"] = "Cestas",
            });
            Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        }

        var rules = WebUtility.HtmlDecode(await client.GetStringAsync("/dossier-famille/reglement-interieur"));
        Assert.Contains("Le règlement intérieur est signé pour tous vos enfants.", rules);
        Assert.Contains("Signé par Damien FAURE à Cestas", rules);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/solde-et-paiements")).StatusCode);
    }

    [Fact]
    public async Task A_new_notice_version_asks_again_and_consents_are_recorded_with_version_and_time()
    {
        await using var scope = app.HostServices.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var family = Family(16);

        Assert.Empty(await sender.Send(new GetPendingConsents(family.Id)));
        Assert.Equal(SignInGate.None, await sender.Send(new GetSignInGate(family.Id)));
        var refused = await sender.Send(new AcceptConsents(family.Id, [new ConsentView(ConsentDocument.TermsOfUse, "1999-01")]));
        Assert.True(refused.IsSuccess, "nothing pending: accepting again changes nothing");
    }

    [Fact]
    public async Task Staff_creates_an_account_by_email_and_the_parent_chooses_the_password_from_the_link()
    {
        var staff = await app.SignedInClientAsync("admin", DemoCatalog.StaffPassword);
        var response = await staff.PostAsJsonAsync("/api/v1/staff/accounts", new
        {
            structureId = DemoCatalog.Education.Id, holderFirstName = "Élise", holderLastName = "Nouvelle-Famille",
            emails = "elise.nf@exemple.fr ; second@exemple.fr", delivery = "Email",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var identifier = created.GetProperty("identifier").GetString()!;
        Assert.Equal("nouvellefamille.e", identifier);
        Assert.Equal(JsonValueKind.Null, created.GetProperty("provisionalPassword").ValueKind);

        var mail = await app.Smtp.WaitForMessageAsync(m => To(m) == "elise.nf@exemple.fr", MailTimeout);
        Assert.Equal("Votre compte Portail Famille", mail.Subject);
        Assert.Contains(identifier, mail.TextBody);
        Assert.Equal(HttpStatusCode.NoContent, (await ConfirmAsync(TokenFrom(mail.TextBody), "Choisi2025!")).StatusCode);

        var login = await LoginAsync(app.NewClient(), identifier, "Choisi2025!");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("AcceptConsents", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("gate").GetString());

        var audit = await staff.GetFromJsonAsync<JsonElement>("/api/v1/staff/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "FamilyAccountCreated"
            && e.GetProperty("subjectIdentifier").GetString() == identifier && e.GetProperty("actorName").GetString() == "Sophie BERNARD");
    }

    [Fact]
    public async Task Staff_letter_gives_a_provisional_password_to_change_at_first_sign_in()
    {
        var staff = await app.SignedInClientAsync("agent.education", DemoCatalog.StaffPassword);
        var created = await (await staff.PostAsJsonAsync("/api/v1/staff/accounts", new
        {
            structureId = DemoCatalog.Education.Id, holderFirstName = "Paul", holderLastName = "Courrier", emails = "p.courrier@exemple.fr", delivery = "Letter",
        })).Content.ReadFromJsonAsync<JsonElement>();

        var provisional = created.GetProperty("provisionalPassword").GetString()!;
        var login = await LoginAsync(app.NewClient(), created.GetProperty("identifier").GetString()!, provisional);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("ChangePassword", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("gate").GetString());
    }

    [Fact]
    public async Task Invalid_account_creation_names_each_faulty_field_in_french()
    {
        var staff = await app.SignedInClientAsync("agent.education", DemoCatalog.StaffPassword);

        var response = await staff.PostAsJsonAsync("/api/v1/staff/accounts", new
        {
            structureId = DemoCatalog.Education.Id, holderFirstName = "", holderLastName = "X", emails = "ok@exemple.fr;pas-une-adresse", delivery = "Letter",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("Le prénom du titulaire est obligatoire.", errors.GetProperty("HolderFirstName").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(errors.GetProperty("Emails").EnumerateArray(), e => e.GetString()!.Contains("« pas-une-adresse »"));
    }

    [Fact]
    public async Task Separated_parents_share_the_children_but_not_the_wallets()
    {
        var father = app.NewClient();
        var mother = app.NewClient();
        await LoginAsync(father, "famille01", Password);
        await LoginAsync(mother, DemoCatalog.OtherParent.Identifier, Password);

        var fatherChildren = (await father.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("children").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToHashSet();
        var motherChildren = (await mother.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("children").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToHashSet();
        Assert.Equal(Family(1).Children.Select(c => c.Id).ToHashSet(), fatherChildren);
        Assert.Equal(fatherChildren, motherChildren);

        var fatherWallets = await father.GetFromJsonAsync<JsonElement>("/api/v1/wallets");
        var motherWallets = await mother.GetFromJsonAsync<JsonElement>("/api/v1/wallets");
        Assert.Equal(41.15m, fatherWallets.EnumerateArray().Single(w => w.GetProperty("code").GetString() == "RESTAURATION").GetProperty("balance").GetDecimal());
        Assert.All(motherWallets.EnumerateArray(), w => Assert.Equal(0m, w.GetProperty("balance").GetDecimal()));
        var fatherWalletIds = fatherWallets.EnumerateArray().Select(w => w.GetProperty("walletId").GetGuid());
        Assert.DoesNotContain(motherWallets.EnumerateArray().Select(w => w.GetProperty("walletId").GetGuid()), fatherWalletIds.Contains);
    }

    [Fact]
    public async Task Staff_links_a_new_account_to_the_other_parents_children()
    {
        var staff = await app.SignedInClientAsync("agent.education", DemoCatalog.StaffPassword);
        var other = Family(2);
        var created = await (await staff.PostAsJsonAsync("/api/v1/staff/accounts", new
        {
            structureId = DemoCatalog.Education.Id, holderFirstName = "Alex", holderLastName = "Martin", emails = "alex.martin@exemple.fr",
            delivery = "Letter", linkedToAccountId = other.Id,
        })).Content.ReadFromJsonAsync<JsonElement>();
        var identifier = created.GetProperty("identifier").GetString()!;

        // The link crosses to the Dossier module through the Worker's queue.
        var expected = other.Children.Select(c => c.Id).ToHashSet();
        await using var scope = app.HostServices.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        IReadOnlyList<PortailFamille.Dossier.Contracts.ChildView> children = [];
        while (DateTime.UtcNow < deadline)
        {
            children = await sender.Send(new PortailFamille.Dossier.Contracts.ListChildren(created.GetProperty("accountId").GetGuid()));
            if (children.Count == expected.Count) break;
            await Task.Delay(500);
        }

        Assert.Equal(expected, children.Select(c => c.Id).ToHashSet());
        Assert.StartsWith("martin.a", identifier);
    }

    [Fact]
    public async Task Profile_emails_are_checked_one_by_one_and_the_first_is_kept_first()
    {
        var client = app.NewClient();
        await LoginAsync(client, "famille17", Password);

        var refused = await client.PutAsJsonAsync("/api/v1/me/emails", new { emails = "bon@exemple.fr;mauvais@;autre" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Emails").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(2, errors.Count);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync("/api/v1/me/emails", new { emails = " recu@exemple.fr ; copie@exemple.fr " })).StatusCode);
        var emails = (await client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("account").GetProperty("emails").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(["recu@exemple.fr", "copie@exemple.fr"], emails);
    }

    [Fact]
    public async Task Forms_without_antiforgery_token_are_refused()
    {
        var client = app.NewClient();
        var response = await client.PostAsync("/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "connexion", ["Input.Identifier"] = "famille18", ["Input.Password"] = Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    private async Task<PasswordLinkState> LinkStateAsync(string token)
    {
        await using var scope = app.HostServices.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetPasswordLinkState(token));
    }

    private Task<HttpResponseMessage> ConfirmAsync(string token, string password) =>
        app.NewClient().PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = password, confirmation = password });

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string formName, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        Assert.True(token.Success, $"{path} carries an antiforgery token");
        fields["_handler"] = formName;
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static string PathOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new Xunit.Sdk.XunitException($"expected a redirect, got {(int)response.StatusCode}");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    private static string To(MimeMessage message) => message.To.Mailboxes.Single().Address;

    private static string TokenFrom(string? body)
    {
        var match = LinkPattern().Match(body ?? "");
        Assert.True(match.Success, "the mail carries the reset link: " + body);
        return Uri.UnescapeDataString(match.Groups[1].Value);
    }

    private static async Task<string> ProblemWithoutTraceAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, JsonElement>>();
        problem!.Remove("traceId");
        return JsonSerializer.Serialize(problem.OrderBy(p => p.Key));
    }

    [GeneratedRegex(@"https://portail\.exemple\.fr/mot-de-passe/reinitialiser\?jeton=([A-Za-z0-9_%\-]+)")]
    private static partial Regex LinkPattern();
}

/// <summary>Sign-in posts are limited per client address.</summary>
public sealed class RateLimitScenarios(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task The_fourth_sign_in_post_within_a_minute_gets_429()
    {
        var client = app.NewClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/login", new { identifier = "famille20", password = "Mauvais2024" })).StatusCode);

        var limited = await client.PostAsJsonAsync("/api/v1/auth/login", new { identifier = "famille20", password = DemoCatalog.FamilyPassword });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("rate_limited", (await limited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        // Reading pages is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/connexion")).StatusCode);
    }
}
