using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using PortailFamille.BuildingBlocks.Demo;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Integration.Tests;

/// <summary>The Dossier Famille across the layers, on SQLite and PostgreSQL, with a real SMTP server for the staff's mails.</summary>
public abstract partial class DossierScenarios<TApp>(TApp app) : IClassFixture<TApp> where TApp : PortalApp, IPaymentApp
{
    private static DemoCatalog.DemoFamily Family(int n) => DemoCatalog.Families[n - 1];

    private static readonly Dictionary<string, string?> Insurance = new()
    {
        ["insurer"] = "Mutuelle des Écoles", ["insurerPhone"] = "05 56 00 00 00", ["contractNumber"] = "AB-2025-17", ["expiryDate"] = "2026-08-31",
    };

    /// <summary>The family re-opens a validated fiche and transmits it again (MODIFIER, then « Valider et transmettre »).</summary>
    private async Task<FormSummary> TransmitInsuranceAsync(DemoCatalog.DemoFamily family)
    {
        var dossier = await app.SendAsync(new OpenDossier(family.Id));
        var form = dossier.Forms.First(f => f.Kind == FormKind.Insurance && f.ChildId == family.Children[0].Id);
        var signer = $"{family.HolderFirstName} {family.LastName}";
        (await app.SendAsync(new SaveForm(form.Id, family.Id, Insurance, SaveMode.Draft, false, null, signer))).ThrowIfFailure();
        (await app.SendAsync(new SaveForm(form.Id, family.Id, Insurance, SaveMode.Submit, true, signer, signer))).ThrowIfFailure();
        return form;
    }

    [Fact]
    public async Task Staff_reject_with_a_reason_then_validate_and_the_family_receives_both_mails()
    {
        var family = Family(9);
        var form = await TransmitInsuranceAsync(family);
        var staff = await app.SignedInClientAsync("agent.education", DemoCatalog.StaffPassword);

        var queue = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/staff/dossier/forms?familyAccountId={family.Id}");
        Assert.Contains(queue.GetProperty("lines").EnumerateArray(), l => l.GetProperty("id").GetGuid() == form.Id);

        var noReason = await staff.PostAsJsonAsync($"/api/v1/staff/dossier/forms/{form.Id}/review", new { approve = false, reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var reject = await staff.PostAsJsonAsync($"/api/v1/staff/dossier/forms/{form.Id}/review", new { approve = false, reason = "L'attestation d'assurance n'est pas jointe." });
        Assert.Equal(HttpStatusCode.NoContent, reject.StatusCode);

        var rejected = await app.Smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == family.Email) && (m.Subject ?? "").Contains("à compléter"), TimeSpan.FromSeconds(60));
        Assert.Contains("L'attestation d'assurance n'est pas jointe.", rejected.TextBody);
        Assert.Contains($"« Assurance scolaire et extrascolaire » de {family.Children[0].FirstName} {family.LastName}", rejected.TextBody);

        // Rejected: the family may correct and transmit again; a second review of the same state is refused.
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/v1/staff/dossier/forms/{form.Id}/review", new { approve = true })).StatusCode);
        var signer = $"{family.HolderFirstName} {family.LastName}";
        (await app.SendAsync(new SaveForm(form.Id, family.Id, Insurance, SaveMode.Submit, true, signer, signer))).ThrowIfFailure();
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/v1/staff/dossier/forms/{form.Id}/review", new { approve = true })).StatusCode);

        var validated = await app.Smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == family.Email) && (m.Subject ?? "").Contains("validée"), TimeSpan.FromSeconds(60));
        Assert.Contains("Le service Éducation a validé votre fiche", validated.TextBody);

        var view = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/staff/dossier/forms/{form.Id}");
        Assert.Equal("Validated", view.GetProperty("status").GetString());
        var audit = view.GetProperty("audit").EnumerateArray().Select(a => (a.GetProperty("action").GetString(), a.GetProperty("actor").GetString())).ToList();
        Assert.Contains(("Rejected", "Claire MARTIN"), audit);
        Assert.Contains(("Validated", "Claire MARTIN"), audit);
        Assert.Equal(3, audit.Count(a => a.Item1 == "Submitted" && a.Item2 == signer)); // last year's (seeded) and the two here
    }

    [Fact]
    public async Task Booking_is_refused_until_every_form_is_validated()
    {
        var family = Family(10);
        var canteen = (await app.SendAsync(new ListActivities(DemoCatalog.Education.Id))).Single(a => a.Code == "RESTAURATION");
        var day = (await app.OpenCanteenDaysAsync())[2];
        var client = await app.SignedInClientAsync(family.Identifier, DemoCatalog.FamilyPassword);
        Assert.True((await app.SendAsync(new GetBookingEligibility(family.Id))).MayBook);

        var form = await TransmitInsuranceAsync(family);
        var eligibility = await app.SendAsync(new GetBookingEligibility(family.Id));
        Assert.Equal((false, 1), (eligibility.MayBook, eligibility.FormsNotValidated));

        await app.SendAsync(new ToggleCartDays(family.Id, family.Children[0].Id, canteen.Id, [day], ToggleScope.EachDay));
        var refused = await client.PostAsync("/api/v1/reservations/cart/confirm", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("reservations.dossier_not_validated", problem.GetProperty("code").GetString());
        Assert.Contains("Dossier Famille n'est pas validé", problem.GetProperty("detail").GetString());
        Assert.False((await app.SendAsync(new GetCart(family.Id))).IsEmpty); // the cart is kept

        (await app.SendAsync(new ReviewForm(form.Id, true, null, "Claire MARTIN"))).ThrowIfFailure();
        var confirmed = await client.PostAsync("/api/v1/reservations/cart/confirm", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        // The demo family whose fiches are « à mettre à jour » cannot book either.
        Assert.False((await app.SendAsync(new GetBookingEligibility(Family(25).Id))).MayBook);
    }

    [Fact]
    public async Task Uploads_to_one_piece_from_several_sessions_at_once_are_kept_or_refused_cleanly_and_never_exceed_four_files()
    {
        var family = Family(27); // a family no other scenario of this class uses: its fiche goes back to draft
        var sessions = new List<HttpClient>();
        for (var s = 0; s < 4; s++) sessions.Add(await app.SignedInClientAsync(family.Identifier, DemoCatalog.FamilyPassword));
        var form = (await app.SendAsync(new OpenDossier(family.Id))).Forms.First(f => f.Kind == FormKind.Insurance);

        // Each session posts two files at the same instant (the page was opened in four tabs).
        using var start = new Barrier(sessions.Count);
        var answers = await Task.WhenAll(sessions.Select((client, n) => Task.Run(async () =>
        {
            var page = await client.GetStringAsync($"/dossier-famille/fiches/{form.Id}/modifier");
            var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
            using var content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent(nameof(DocumentPiece.InsuranceCertificate)), "piece" },
            };
            content.Add(new ByteArrayContent(Pdf(20)), "files", $"onglet{n}-a.pdf");
            content.Add(new ByteArrayContent(Pdf(20)), "files", $"onglet{n}-b.pdf");
            start.SignalAndWait();
            var response = await client.PostAsync($"/dossier-famille/fiches/{form.Id}/pieces", content);
            return (response.StatusCode, Location: response.Headers.Location?.OriginalString);
        })));

        // Never a 500: every post goes back to the fiche, with what was kept and, for the others, why not.
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.Contains(answers, a => a.Location!.Contains("depot=2", StringComparison.Ordinal));
        var stored = (await app.SendAsync(new GetForm(form.Id, family.Id))).Value.Documents;
        Assert.InRange(stored.Count, 2, 4);
        Assert.Equal(stored.Count, answers.Sum(a => int.Parse(Regex.Match(a.Location!, "depot=([0-9]+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        // No file without its row, no row without its file.
        Assert.Equal(stored.Count, Directory.GetFiles(Path.Combine(app.DocumentsRoot, family.Id.ToString("N"))).Length);
        var refused = answers.Where(a => a.Location!.Contains("depot=0", StringComparison.Ordinal)).ToList();
        foreach (var answer in refused)
        {
            var page = WebUtility.HtmlDecode(await sessions[0].GetStringAsync(answer.Location));
            Assert.True(page.Contains("Un autre dépôt sur cette fiche", StringComparison.Ordinal) || page.Contains("4 fichiers au plus", StringComparison.Ordinal),
                $"a refused upload says why in French: {answer.Location}");
        }
    }

    [Fact]
    public async Task Uploads_keep_four_files_of_at_most_2000_KB_recognised_by_their_content()
    {
        var family = Family(11);
        var client = await app.SignedInClientAsync(family.Identifier, DemoCatalog.FamilyPassword);
        var form = (await app.SendAsync(new OpenDossier(family.Id))).Forms.First(f => f.Kind == FormKind.Insurance);

        var first = await UploadAsync(client, "/dossier-famille", form.Id, DocumentPiece.InsuranceCertificate,
            ("exact.pdf", Pdf(2000 * 1024)), ("trop-gros.pdf", Pdf(2000 * 1024 + 1)), ("attestation.pdf", Exe()), ("photo.png", Png()));
        Assert.Contains("depot=2", first);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(first));
        Assert.Contains("« trop-gros.pdf » dépasse 2000 ko (1,95 Mo)", page);
        Assert.Contains("« attestation.pdf » n'est pas un PDF ni une image JPEG, PNG ou HEIC", page);

        var second = await UploadAsync(client, "/dossier-famille", form.Id, DocumentPiece.InsuranceCertificate, ("3.pdf", Pdf(10)), ("4.pdf", Pdf(10)), ("5.pdf", Pdf(10)));
        Assert.Contains("depot=2", second);
        Assert.Contains("too_many_files", Uri.UnescapeDataString(second));

        var stored = (await app.SendAsync(new GetForm(form.Id, family.Id))).Value.Documents;
        Assert.Equal(["3.pdf", "4.pdf", "exact.pdf", "photo.png"], stored.Select(d => d.FileName).Order(StringComparer.Ordinal));
        Assert.Equal(["application/pdf", "image/png"], stored.Select(d => d.ContentType).Distinct().Order());
        // Outside the web root: in the configured documents folder, under names the family did not choose.
        var files = Directory.GetFiles(Path.Combine(app.DocumentsRoot, family.Id.ToString("N")));
        Assert.Equal(4, files.Length);
        Assert.DoesNotContain(files, f => f.Contains("exact", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Downloads_give_the_exact_name_by_RFC_6266_and_an_extension_that_follows_the_content()
    {
        var family = Family(26);
        var client = await app.SignedInClientAsync(family.Identifier, DemoCatalog.FamilyPassword);
        var staff = await app.SignedInClientAsync("agent.education", DemoCatalog.StaffPassword);
        var form = (await app.SendAsync(new OpenDossier(family.Id))).Forms.First(f => f.Kind == FormKind.AccountHolder);

        var location = await UploadAsync(client, "/dossier-famille", form.Id, DocumentPiece.TaxNotice, ("Avis d'impôt 2024 – été.pdf", Pdf(300)), ("x.html", Png()));

        Assert.Contains("depot=2", location);
        var documents = (await app.SendAsync(new GetForm(form.Id, family.Id))).Value.Documents;
        Assert.Equal(["Avis d'impôt 2024 – été.pdf", "x.png"], documents.Select(d => d.FileName).Order(StringComparer.Ordinal));
        var (notice, image) = (documents.Single(d => d.ContentType == "application/pdf"), documents.Single(d => d.ContentType == "image/png"));
        foreach (var (reader, path) in new[] { (client, "/dossier-famille/pieces/"), (client, "/api/v1/dossier/documents/"), (staff, "/gestion/pieces/") })
        {
            var served = await reader.GetAsync(path + notice.Id);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            var disposition = string.Join(", ", served.Content.Headers.GetValues("Content-Disposition"));
            Assert.StartsWith("inline;", disposition);
            Assert.Contains("filename*=UTF-8''Avis%20d%27imp%C3%B4t%202024%20%E2%80%93%20%C3%A9t%C3%A9.pdf", disposition);
            Assert.Contains("filename=\"Avis d'impot 2024 _ ete.pdf\"", disposition); // the ASCII name for clients without RFC 6266
            Assert.DoesNotContain("=?", disposition); // no RFC 2047 encoded word
            Assert.Equal("Avis d'impôt 2024 – été.pdf", served.Content.Headers.ContentDisposition!.FileNameStar);

            var png = await reader.GetAsync(path + image.Id);
            Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
            Assert.Equal("nosniff", png.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("x.png", png.Content.Headers.ContentDisposition!.FileNameStar);
            Assert.DoesNotContain(".html", string.Join(", ", png.Content.Headers.GetValues("Content-Disposition")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Family_A_cannot_read_or_change_family_B_forms_or_files_by_id()
    {
        var (a, b) = (Family(12), Family(13));
        var asA = await app.SignedInClientAsync(a.Identifier, DemoCatalog.FamilyPassword);
        var asB = await app.SignedInClientAsync(b.Identifier, DemoCatalog.FamilyPassword);
        var bForm = (await app.SendAsync(new OpenDossier(b.Id))).Forms.First(f => f.Kind == FormKind.Health);
        await UploadAsync(asB, "/dossier-famille", bForm.Id, DocumentPiece.VaccinationRecord, ("carnet.pdf", Pdf(500)));
        var document = (await app.SendAsync(new GetForm(bForm.Id, b.Id))).Value.Documents.Single();

        Assert.Equal(HttpStatusCode.OK, (await asB.GetAsync($"/dossier-famille/pieces/{document.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await asA.GetAsync($"/dossier-famille/pieces/{document.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await asA.GetAsync($"/api/v1/dossier/documents/{document.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await asA.GetAsync($"/api/v1/dossier/forms/{bForm.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await asA.GetAsync($"/dossier-famille/fiches/{bForm.Id}")).StatusCode);
        var save = await asA.PutAsJsonAsync($"/api/v1/dossier/forms/{bForm.Id}", new { values = new Dictionary<string, string> { ["doctor"] = "Dr X" }, mode = "Draft" });
        Assert.Equal(HttpStatusCode.NotFound, save.StatusCode);
        var ownForm = (await app.SendAsync(new OpenDossier(a.Id))).Forms.First(f => f.Kind == FormKind.Health);
        Assert.Equal("404", await UploadAsync(asA, "/dossier-famille", bForm.Id, DocumentPiece.VaccinationRecord, ownForm.Id, ("x.pdf", Pdf(10))));
        Assert.Single((await app.SendAsync(new GetForm(bForm.Id, b.Id))).Value.Documents);
        Assert.Equal(HttpStatusCode.Forbidden, (await asA.PostAsync($"/api/v1/staff/dossier/forms/{bForm.Id}/review", JsonContent.Create(new { approve = true }))).StatusCode);

        // Staff read every family's documents.
        var staff = await app.SignedInClientAsync("agent.education", DemoCatalog.StaffPassword);
        var served = await staff.GetAsync($"/gestion/pieces/{document.Id}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("application/pdf", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_quotient_staff_record_from_the_tax_notice_lowers_the_family_tariff_and_the_family_downloads_its_data()
    {
        var family = Family(14);
        var canteen = (await app.SendAsync(new ListActivities(DemoCatalog.Education.Id))).Single(a => a.Code == "RESTAURATION");
        var day = (await app.OpenCanteenDaysAsync())[3];
        await app.SendAsync(new ToggleCartDays(family.Id, family.Children[0].Id, canteen.Id, [day], ToggleScope.EachDay));
        Assert.Equal(4.20m, (await app.SendAsync(new GetCart(family.Id))).BookingsTotal); // no quotient: maximum tariff

        var staff = await app.SignedInClientAsync("agent.education", DemoCatalog.StaffPassword);
        var recorded = await staff.PostAsJsonAsync("/api/v1/staff/dossier/quotients", new { familyAccountId = family.Id, year = day.Year, referenceIncome = 9_600m, parts = 2m });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(400m, (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("quotient").GetDecimal()); // 9 600 / 12 / 2
        Assert.Equal(400m, await app.SendAsync(new GetFamilyQuotient(family.Id, day)));
        Assert.Null(await app.SendAsync(new GetFamilyQuotient(family.Id, new DateOnly(day.Year + 1, 1, 1)))); // valid 1 Jan–31 Dec only
        Assert.True((await app.SendAsync(new GetCart(family.Id))).BookingsTotal < 4.20m);

        var client = await app.SignedInClientAsync(family.Identifier, DemoCatalog.FamilyPassword);
        var form = (await app.SendAsync(new OpenDossier(family.Id))).Forms.First(f => f.Kind == FormKind.AccountHolder);
        await UploadAsync(client, "/dossier-famille", form.Id, DocumentPiece.TaxNotice, ("avis.pdf", Pdf(300)));
        var zip = await client.GetAsync("/dossier-famille/mes-donnees");
        Assert.Equal("application/zip", zip.Content.Headers.ContentType!.MediaType);
        using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync());
        Assert.Contains(archive.Entries, e => e.FullName.StartsWith("documents/", StringComparison.Ordinal) && e.FullName.EndsWith("avis.pdf", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(archive.GetEntry("donnees.json")!.Open());
        Assert.Equal(family.Identifier, json.RootElement.GetProperty("account").GetProperty("identifier").GetString());
        Assert.Equal(400m, json.RootElement.GetProperty("quotients")[0].GetProperty("quotient").GetDecimal());
        Assert.Equal(2 + 5 * family.Children.Count, json.RootElement.GetProperty("forms").GetArrayLength());
    }

    [Fact]
    public async Task The_animators_list_of_the_day_gives_the_booked_children_with_a_pai_an_allergy_or_a_diet()
    {
        // The demo's first child has a PAI (peanuts); a booked child without any health note as well (family 15 is
        // the staff-filled test's: its transmitted fiche stops it booking).
        var all = DemoCatalog.Families.SelectMany(f => f.Children.Select(c => (Family: f, Child: c))).ToList();
        var (withPai, without) = (all[0], all.Skip(16).First(x => x.Family.Number is > 15 and < 25));
        var canteen = (await app.SendAsync(new ListActivities(DemoCatalog.Education.Id))).Single(a => a.Code == "RESTAURATION");
        var day = (await app.OpenCanteenDaysAsync())[5];
        foreach (var (family, child) in new[] { withPai, without })
        {
            (await app.SendAsync(new ToggleCartDays(family.Id, child.Id, canteen.Id, [day], ToggleScope.EachDay))).ValueOrThrow();
            (await app.SendAsync(new ConfirmCart(family.Id))).ValueOrThrow();
        }

        var staff = await app.SignedInClientAsync("agent.education", DemoCatalog.StaffPassword);
        var csv = await staff.GetStringAsync($"/gestion/pointage/sante/export?activityId={canteen.Id}&day={day:yyyy-MM-dd}");
        var line = Assert.Single(csv.Split('\n'), l => l.Contains(withPai.Child.FirstName, StringComparison.Ordinal));
        Assert.Contains("PAI", line);
        Assert.Contains("Arachide", line);
        Assert.DoesNotContain(without.Child.FirstName, csv);

        var page = WebUtility.HtmlDecode(await staff.GetStringAsync($"/gestion/pointage/sante?activite={canteen.Id}&jour={day:yyyy-MM-dd}"));
        Assert.Contains("Arachide (PAI, trousse d'urgence dans le sac)", page);
        Assert.Contains(withPai.Child.FirstName, page);
        Assert.DoesNotContain(without.Child.FirstName, page);

        // Health data is for the staff only.
        var parent = await app.SignedInClientAsync(withPai.Family.Identifier, DemoCatalog.FamilyPassword);
        var refused = await parent.GetAsync($"/gestion/pointage/sante/export?activityId={canteen.Id}&day={day:yyyy-MM-dd}");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task Staff_fill_and_transmit_a_fiche_for_a_family_without_internet_through_the_page()
    {
        var family = Family(15);
        var form = (await app.SendAsync(new OpenDossier(family.Id))).Forms.First(f => f.Kind == FormKind.Insurance && f.ChildId == family.Children[0].Id);
        var staff = await app.SignedInClientAsync("agent.education", DemoCatalog.StaffPassword);
        var path = $"/gestion/familles/{family.Id}/dossier/fiches/{form.Id}/modifier";
        var page = await staff.GetStringAsync(path);

        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "fiche",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value),
            ["action"] = "submit",
            ["sworn"] = "oui",
            ["signer"] = $"{family.HolderFirstName} {family.LastName} (par téléphone)",
        };
        foreach (var (key, value) in Insurance) fields["v." + key] = value!;
        var posted = await staff.PostAsync(path, new FormUrlEncodedContent(fields));
        Assert.True(posted.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"answered {(int)posted.StatusCode}");

        var view = (await app.SendAsync(new GetForm(form.Id, family.Id))).Value;
        Assert.Equal(FormStatus.Submitted, view.Status);
        Assert.Equal("AB-2025-17", view.Values["contractNumber"]);
        var submitted = view.Audit.Last(a => a.Action == FormAuditAction.Submitted);
        Assert.Equal("Claire MARTIN", submitted.Actor); // audited as the agent who filled it

        // The same page refuses a family's session.
        var parent = await app.SignedInClientAsync(family.Identifier, DemoCatalog.FamilyPassword);
        Assert.NotEqual(HttpStatusCode.OK, (await parent.GetAsync(path)).StatusCode);
    }

    private static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static byte[] Png()
    {
        var bytes = new byte[64];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        return bytes;
    }

    private static byte[] Exe()
    {
        var bytes = new byte[4096];
        "MZ"u8.CopyTo(bytes);
        return bytes;
    }

    private Task<string> UploadAsync(HttpClient client, string basePath, Guid formId, DocumentPiece piece, params (string Name, byte[] Content)[] files) =>
        UploadAsync(client, basePath, formId, piece, formId, files);

    /// <summary>Posts the page's upload form (antiforgery token read from <paramref name="tokenFormId"/>'s edit page); answers the redirect target.</summary>
    private static async Task<string> UploadAsync(HttpClient client, string basePath, Guid formId, DocumentPiece piece, Guid tokenFormId, params (string Name, byte[] Content)[] files)
    {
        var page = await client.GetStringAsync($"{basePath}/fiches/{tokenFormId}/modifier");
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(piece.ToString()), "piece" },
        };
        foreach (var (name, bytes) in files) content.Add(new ByteArrayContent(bytes), "files", name);
        var response = await client.PostAsync($"{basePath}/fiches/{formId}/pieces", content);
        return response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location!.OriginalString : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public sealed class SqliteDossierTests(SqlitePaymentApp app) : DossierScenarios<SqlitePaymentApp>(app);

public sealed class PostgresDossierTests(PostgresPaymentApp app) : DossierScenarios<PostgresPaymentApp>(app);
