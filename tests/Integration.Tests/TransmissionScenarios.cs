using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PortailFamille.BuildingBlocks.Demo;
using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Integration.Tests;

/// <summary>The transmission of the lines and the report mails, on SQLite and PostgreSQL, with a real SMTP server.</summary>
public abstract class TransmissionScenarios<TApp>(TApp app) : IClassFixture<TApp> where TApp : PortalApp, IPaymentApp
{
    [Fact]
    public async Task Transmission_sends_one_report_per_family_to_every_address_and_runs_once()
    {
        var family = DemoCatalog.Families[11];
        var canteen = (await app.SendAsync(new ListActivities(DemoCatalog.Education.Id))).Single(a => a.Code == "RESTAURATION");
        var days = (await app.OpenCanteenDaysAsync()).Take(3).ToList();
        var client = await app.SignedInClientAsync(family.Identifier, DemoCatalog.FamilyPassword);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync("/api/v1/me/emails", new { emails = $"{family.Email};copie.{family.Email}" })).StatusCode);
        await app.SendAsync(new ToggleCartDays(family.Id, family.Children[0].Id, canteen.Id, days, ToggleScope.EachDay));
        await app.SendAsync(new ConfirmCart(family.Id));
        var staff = await app.SignedInClientAsync("agent.education", DemoCatalog.StaffPassword);

        var run = await (await staff.PostAsync("/api/v1/staff/transmission", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(run.GetProperty("lines").GetInt32() >= 3);

        var mail = await app.Smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == family.Email), TimeSpan.FromSeconds(60));
        Assert.Equal([family.Email, $"copie.{family.Email}"], mail.To.Mailboxes.Select(a => a.Address));
        var text = mail.TextBody!;
        Assert.StartsWith($"{family.LastName} {family.HolderFirstName}\n", text);
        Assert.Contains("3 mouvements sur vos demandes de réservations ont été reçus, dont :", text);
        Assert.Contains("****************     RESERVATIONS ACCEPTEES     ****************\n--> Activité : RESTAURATION :\n", text);
        Assert.All((await app.SendAsync(new ListBookings(family.Id))).Where(l => days.Contains(l.Day)), l => Assert.Equal(BookingStatus.Accepted, l.Status));

        // A second run finds nothing to transmit for this family: no second report.
        await staff.PostAsync("/api/v1/staff/transmission", null);
        await app.WaitUntilSettledAsync(); // every event handled, every mail sent: what the SMTP server holds is all there is
        Assert.Single(app.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == family.Email));

        // A cancellation is a new movement, reported in the next run.
        await app.SendAsync(new ToggleCartDays(family.Id, family.Children[0].Id, canteen.Id, [days[0]], ToggleScope.EachDay));
        await app.SendAsync(new ConfirmCart(family.Id));
        await staff.PostAsync("/api/v1/staff/transmission", null);
        var second = await app.Smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == family.Email) && m.MessageId != mail.MessageId, TimeSpan.FromSeconds(60));
        Assert.Contains("1 demande d’annulation", second.TextBody);
        Assert.Contains("RESERVATIONS ANNULEES", second.TextBody);
    }

    [Fact]
    public async Task Concurrent_runs_transmit_each_line_once()
    {
        var family = DemoCatalog.Families[12];
        var canteen = (await app.SendAsync(new ListActivities(DemoCatalog.Education.Id))).Single(a => a.Code == "RESTAURATION");
        var days = (await app.OpenCanteenDaysAsync()).Skip(4).Take(2).ToList();
        await app.SendAsync(new ToggleCartDays(family.Id, family.Children[0].Id, canteen.Id, days, ToggleScope.EachDay));
        await app.SendAsync(new ConfirmCart(family.Id));

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => app.SendAsync(new TransmitPendingLines()))));

        Assert.True(runs.Sum(r => r.Lines) >= 2);
        await app.Smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == family.Email), TimeSpan.FromSeconds(60));
        await app.WaitUntilSettledAsync(); // every event handled, every mail sent: what the SMTP server holds is all there is
        Assert.Single(app.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == family.Email));
    }
}

public abstract class WaitlistMailScenarios<TApp>(TApp app) : IClassFixture<TApp> where TApp : PortalApp, IPaymentApp
{
    [Fact]
    public async Task A_promoted_family_is_mailed_at_once()
    {
        var staff = await app.SignedInClientAsync("admin", DemoCatalog.StaffPassword);
        var evening = (await app.SendAsync(new ListActivities(DemoCatalog.Education.Id))).Single(a => a.Code == "ACCUEIL_SOIR");
        var day = (await app.OpenCanteenDaysAsync())[2];
        await staff.PutAsJsonAsync($"/api/v1/staff/activities/{evening.Id}/capacity", new { capacity = 1, waitlistSize = 1 });
        var (first, second) = (DemoCatalog.Families[13], DemoCatalog.Families[15]);
        foreach (var f in new[] { first, second })
        {
            await app.SendAsync(new ToggleCartDays(f.Id, f.Children[0].Id, evening.Id, [day], ToggleScope.EachDay, Departure: "18:00"));
            await app.SendAsync(new ConfirmCart(f.Id));
        }

        await app.SendAsync(new ToggleCartDays(first.Id, first.Children[0].Id, evening.Id, [day], ToggleScope.EachDay));
        await app.SendAsync(new ConfirmCart(first.Id));

        var mail = await app.Smtp.WaitForMessageAsync(m => m.Subject == "Réservation acceptée : une place s'est libérée" && m.To.Mailboxes.Any(a => a.Address == second.Email), TimeSpan.FromSeconds(60));
        Assert.Contains($"{second.Children[0].FirstName} {second.LastName} à l'activité ACCUEIL SOIR", mail.TextBody);
        await staff.PutAsJsonAsync($"/api/v1/staff/activities/{evening.Id}/capacity", new { capacity = (int?)null, waitlistSize = 0 });
    }
}

public sealed class BroadcastScenarios(SqlitePaymentApp app) : IClassFixture<SqlitePaymentApp>
{
    [Fact]
    public async Task A_broadcast_reaches_every_family_of_the_structure_once()
    {
        var staff = await app.SignedInClientAsync("agent.education", DemoCatalog.StaffPassword);
        var leisureFamilies = DemoCatalog.Families.Where(f => f.StructureIndex == 1).ToList();

        var refused = await staff.PostAsJsonAsync("/api/v1/staff/broadcasts", new { structureId = DemoCatalog.Leisure.Id, subject = "", body = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var sent = await staff.PostAsJsonAsync("/api/v1/staff/broadcasts", new
        {
            structureId = DemoCatalog.Leisure.Id, subject = "Grève du jeudi 5 décembre", body = "Accueil du matin : assuré.\nRestauration : repas froid.\nAccueil du soir : fermé.",
        });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(leisureFamilies.Count, (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("families").GetInt32());

        foreach (var family in leisureFamilies)
        {
            var mail = await app.Smtp.WaitForMessageAsync(m => m.Subject == "Grève du jeudi 5 décembre" && m.To.Mailboxes.Any(a => a.Address == family.Email), TimeSpan.FromSeconds(60));
            Assert.Contains("Restauration : repas froid.", mail.TextBody);
        }

        await app.WaitUntilSettledAsync();
        Assert.Equal(leisureFamilies.Count, app.Smtp.Messages.Count(m => m.Subject == "Grève du jeudi 5 décembre"));
        Assert.DoesNotContain(app.Smtp.Messages, m => m.Subject == "Grève du jeudi 5 décembre" && m.To.Mailboxes.Any(a => a.Address == DemoCatalog.Families[0].Email));
        var family2 = await app.SignedInClientAsync(DemoCatalog.Families[1].Identifier, DemoCatalog.FamilyPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await family2.PostAsJsonAsync("/api/v1/staff/broadcasts", new { structureId = DemoCatalog.Leisure.Id, subject = "x", body = "y" })).StatusCode);
    }
}

public sealed class SqliteWaitlistMailTests(SqlitePaymentApp app) : WaitlistMailScenarios<SqlitePaymentApp>(app);

public sealed class SqliteTransmissionTests(SqlitePaymentApp app) : TransmissionScenarios<SqlitePaymentApp>(app);

public sealed class PostgresTransmissionTests(PostgresPaymentApp app) : TransmissionScenarios<PostgresPaymentApp>(app);
