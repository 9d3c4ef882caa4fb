using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortailFamille.Accounts.Contracts;
using PortailFamille.BuildingBlocks.Demo;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Integration.Tests;

/// <summary>
/// A new school year turns every validated fiche into « à mettre à jour » for every family: in a fixture of its
/// own, so the other scenarios keep their validated demo families.
/// </summary>
public sealed class CampaignScenarios(SqlitePortalApp app) : IClassFixture<SqlitePortalApp>
{
    [Fact]
    public async Task Opening_a_school_year_asks_every_family_to_update_its_validated_fiches_before_the_deadline()
    {
        var family = DemoCatalog.Families[2];
        Assert.True((await app.SendAsync(new GetBookingEligibility(family.Id))).MayBook);
        var formCount = (await app.SendAsync(new OpenDossier(family.Id))).Forms.Count;

        // The demo has opened this school year's campaign: staff open the next one.
        var current = await app.SendAsync(new GetCurrentCampaign());
        var first = current is null ? DateTime.UtcNow.Year : int.Parse(current.SchoolYear[..4], System.Globalization.CultureInfo.InvariantCulture) + 1;
        var (year, deadline) = ($"{first}-{first + 1}", new DateOnly(first, 8, 16));
        var staff = await app.SignedInClientAsync("agent.education", DemoCatalog.StaffPassword);
        var opened = await staff.PostAsJsonAsync("/api/v1/staff/dossier/campaigns", new { schoolYear = year, deadline });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.True((await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("formsToUpdate").GetInt32() >= formCount);

        var dossier = await app.SendAsync(new OpenDossier(family.Id));
        Assert.All(dossier.Forms, f => Assert.Equal(FormStatus.ToUpdate, f.Status));
        var eligibility = await app.SendAsync(new GetBookingEligibility(family.Id));
        Assert.Equal((false, formCount, deadline), (eligibility.MayBook, eligibility.FormsNotValidated, eligibility.Deadline));

        var client = await app.SignedInClientAsync(family.Identifier, DemoCatalog.FamilyPassword);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/dossier-famille"));
        Assert.Contains($"Campagne {year}", page);
        Assert.Contains($"16 août {first}", page);

        // A parent cannot open a campaign.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/staff/dossier/campaigns", new { schoolYear = $"{first + 1}-{first + 2}", deadline = new DateOnly(first + 1, 8, 16) })).StatusCode);
    }

    [Fact]
    public async Task Staff_erase_a_family_only_after_the_retention_period_and_its_files_go_too()
    {
        var family = DemoCatalog.Families[4];
        var form = (await app.SendAsync(new OpenDossier(family.Id))).Forms.First(f => f.Kind == FormKind.Insurance);
        (await app.SendAsync(new UploadDocuments(form.Id, family.Id, DocumentPiece.InsuranceCertificate,
            [new UploadedFile("attestation.pdf", 32, "%PDF-1.7\n......................"u8.ToArray())], "test"))).ValueOrThrow();
        var folder = Path.Combine(app.DocumentsRoot, family.Id.ToString("N"));
        Assert.Single(Directory.GetFiles(folder));

        var staff = await app.SignedInClientAsync("admin", DemoCatalog.StaffPassword);
        var tooSoon = await staff.DeleteAsync($"/api/v1/staff/dossier/families/{family.Id}");
        Assert.Equal(HttpStatusCode.Conflict, tooSoon.StatusCode);
        Assert.Equal("dossier.retention_not_over", (await tooSoon.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Single(Directory.GetFiles(folder));

        // Three years and more without any change.
        await using (var scope = app.HostServices.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DossierDbContext>();
            var longAgo = DateTimeOffset.UtcNow.AddYears(-4);
            await db.Forms.Where(f => f.FamilyAccountId == family.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.UpdatedAt, longAgo));
        }

        var erased = await staff.DeleteAsync($"/api/v1/staff/dossier/families/{family.Id}");
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var report = await erased.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, report.GetProperty("documents").GetInt32());
        Assert.True(report.GetProperty("forms").GetInt32() >= 2);
        Assert.Empty(Directory.Exists(folder) ? Directory.GetFiles(folder) : []);

        var left = await app.SendAsync(new ExportDossierData(family.Id));
        Assert.Empty(left.Forms);
        Assert.Empty(left.Documents);
        Assert.Empty(left.Contacts);
        Assert.Empty(left.Quotients);

        // The Worker then anonymises the account: no name, no address, no way in; the audit says who erased it.
        await Eventually.WaitForAsync(async () => (await app.SendAsync(new GetFamilyAccount(family.Id)))?.HolderLastName == "Famille effacée");
        var account = (await app.SendAsync(new GetFamilyAccount(family.Id)))!;
        Assert.Equal(("", 0), (account.HolderFirstName, account.Emails.Count));
        Assert.DoesNotContain(family.Identifier, account.Identifier);
        var signIn = await app.NewClient().PostAsJsonAsync("/api/v1/auth/login", new { identifier = family.Identifier, password = DemoCatalog.FamilyPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        var audit = await app.SendAsync(new ListAuditEntries());
        Assert.Contains(audit, a => a.Action == AuditAction.FamilyAccountErased && a.SubjectAccountId == family.Id && a.ActorName == "Sophie BERNARD");
    }
}
