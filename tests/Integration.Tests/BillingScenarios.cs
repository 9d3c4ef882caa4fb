using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Persistence;
using PortailFamille.BuildingBlocks.Demo;
using PortailFamille.BuildingBlocks.Time;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Integration.Tests;

/// <summary>Balances, histories, exports and the régie, the same on SQLite and PostgreSQL.</summary>
public abstract class BillingScenarios<TApp>(TApp app) : IClassFixture<TApp> where TApp : PortalApp
{
    private static readonly Guid Edu = DemoCatalog.Education.Id;

    private static DemoCatalog.DemoFamily Family(int n) => DemoCatalog.Families[n - 1];

    private async Task<Guid> CanteenAsync() => (await app.SendAsync(new ListActivities(Edu))).Single(a => a.Code == "RESTAURATION").Id;

    [Fact]
    public async Task Balance_estimates_the_bookings_not_yet_debited_up_to_the_chosen_day()
    {
        var family = Family(2);
        var canteen = await CanteenAsync();
        var days = (await app.OpenCanteenDaysAsync()).Take(3).ToList();
        await app.SendAsync(new ToggleCartDays(family.Id, family.Children[0].Id, canteen, days, ToggleScope.EachDay));
        await app.SendAsync(new ConfirmCart(family.Id));

        var all = await app.SendAsync(new GetBalanceEstimate(family.Id, days[^1]));
        var two = await app.SendAsync(new GetBalanceEstimate(family.Id, days[1]));
        var none = await app.SendAsync(new GetBalanceEstimate(family.Id, days[0].AddDays(-1)));

        var canteenWallet = all.Wallets.Single(w => w.Code == "RESTAURATION");
        Assert.Equal((12.60m, 3), (canteenWallet.EstimatedCost, canteenWallet.Bookings));           // 3 × 4,20 (maximum tariff)
        Assert.Equal(canteenWallet.Balance - 12.60m, canteenWallet.NewBalance);
        Assert.Equal(8.40m, two.Wallets.Single(w => w.Code == "RESTAURATION").EstimatedCost);
        Assert.Equal(0m, none.BookingsCost);
        Assert.Equal(all.Credit - all.BookingsCost, all.EstimatedBalance);

        var client = await app.SignedInClientAsync(family.Identifier, DemoCatalog.FamilyPassword);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/solde-et-paiements?jusquau={days[^1]:yyyy-MM-dd}"));
        Assert.Contains("12,60 €", page);
        Assert.Contains("Solde estimé", page);
    }

    [Theory]
    [InlineData("9999-12")]
    [InlineData("0001-01")]
    [InlineData("2025-13")]
    [InlineData("abc")]
    public async Task An_export_of_a_month_that_cannot_exist_is_a_clear_refusal_in_every_variant(string month)
    {
        var client = await app.SignedInClientAsync(DemoCatalog.Families[2].Identifier, DemoCatalog.FamilyPassword);
        foreach (var type in new[] { "consommations", "reglements" })
            foreach (var format in new[] { "csv", "pdf" })
            {
                var response = await client.GetAsync($"/historiques/export?mois={month}&type={type}&format={format}");
                // A download link of the Historiques page: the French page, as every refusal of a page.
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("Le mois demandé n'existe pas.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
            }
    }

    [Fact]
    public async Task A_consumed_day_appears_in_the_history_and_both_exports()
    {
        var family = Family(3);
        var child = family.Children[0];
        var canteen = await CanteenAsync();
        var yesterday = TimeProvider.System.TodayInParis().AddDays(-1);
        Guid bookingId;
        await using (var scope = app.HostServices.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReservationsDbContext>();
            var booking = PortailFamille.Reservations.Domain.Booking.Record(family.Id, child.Id, canteen, yesterday, LineOutcome.Accepted, null, null, null, Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(-9));
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            bookingId = booking.Id;
        }

        Assert.True((await app.SendAsync(new MarkAttendance(bookingId, Attendance.Present))).IsSuccess);
        IReadOnlyList<ConsumptionView> history = [];
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && history.Count == 0)
        {
            history = await app.SendAsync(new ListConsumptions(family.Id, yesterday.Year, yesterday.Month));
            if (history.Count == 0) await Task.Delay(300);
        }

        var line = Assert.Single(history);
        Assert.Equal((yesterday, $"{family.LastName} {child.FirstName}", "RESTAURATION", 4.20m, 1, 4.20m), (line.Day, line.Consumer, line.Activity, line.UnitPrice, line.Quantity, line.Total));

        var client = await app.SignedInClientAsync(family.Identifier, DemoCatalog.FamilyPassword);
        var csv = await client.GetAsync($"/historiques/export?mois={yesterday:yyyy-MM}&type=consommations&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var csvText = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFDate;Consommateur;Activité;Prix;Quantité;Total", csvText);
        Assert.Contains($"{yesterday:dd/MM/yyyy};{family.LastName} {child.FirstName};RESTAURATION;4,20;1;4,20", csvText);

        var pdf = await client.GetByteArrayAsync($"/historiques/export?mois={yesterday:yyyy-MM}&type=consommations&format=pdf");
        var pdfText = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-1.4", pdfText);
        Assert.Contains("(RESTAURATION) Tj", pdfText);
        Assert.Contains("(4,20) Tj", pdfText);
        Assert.EndsWith("%%EOF\n", pdfText);
        var historyPage = WebUtility.HtmlDecode(await client.GetStringAsync($"/historiques?mois={yesterday:yyyy-MM}"));
        Assert.Contains($"{family.LastName} {child.FirstName}", historyPage);
    }

    [Fact]
    public async Task The_regie_records_a_cheque_seen_in_the_ledger_the_takings_and_the_familys_history()
    {
        var family = Family(4);
        var regie = await app.SignedInClientAsync("regie", DemoCatalog.StaffPassword);
        var today = TimeProvider.System.TodayInParis();

        var missingNumber = await regie.PostAsJsonAsync("/api/v1/staff/cashier/payments", new { familyAccountId = family.Id, walletCode = "PERISCOLAIRE", mode = "Cheque", amount = 30m, receivedOn = today, payerName = "X" });
        Assert.Equal(HttpStatusCode.BadRequest, missingNumber.StatusCode);
        Assert.Contains("Indiquez le numéro du chèque.", (await missingNumber.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var card = await regie.PostAsJsonAsync("/api/v1/staff/cashier/payments", new { familyAccountId = family.Id, walletCode = "PERISCOLAIRE", mode = "Card", amount = 30m, receivedOn = today, pieceNumber = "1", payerName = "X" });
        Assert.Equal(HttpStatusCode.BadRequest, card.StatusCode);

        var before = (await app.SendAsync(new GetWalletBalances(family.Id))).Single(w => w.Code == "PERISCOLAIRE").Balance;
        var recorded = await regie.PostAsJsonAsync("/api/v1/staff/cashier/payments", new
        {
            familyAccountId = family.Id, walletCode = "PERISCOLAIRE", mode = "Cheque", amount = 35.55m, receivedOn = today, pieceNumber = "924466", payerName = $"{family.LastName} {family.HolderFirstName}", bankName = "LEP",
        });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);

        Assert.Equal(before + 35.55m, (await app.SendAsync(new GetWalletBalances(family.Id))).Single(w => w.Code == "PERISCOLAIRE").Balance);
        var ledger = await regie.GetFromJsonAsync<JsonElement[]>($"/api/v1/staff/cashier/ledger/{family.Id}");
        Assert.Equal("Règlement enregistré par Paul LEROY", ledger![0].GetProperty("label").GetString());
        Assert.Equal(before + 35.55m, ledger[0].GetProperty("balanceAfter").GetDecimal());
        var takings = Encoding.UTF8.GetString(await regie.GetByteArrayAsync($"/api/v1/staff/cashier/takings?day={today:yyyy-MM-dd}&format=csv"));
        Assert.Contains($"{today:dd/MM/yyyy};Chèque;924466;{family.LastName} {family.HolderFirstName};LEP;PERISCOLAIRE;35,55", takings);
        Assert.Contains(";TOTAL;", takings);
        var payments = await app.SendAsync(new ListPayments(family.Id, today.Year, today.Month));
        Assert.Contains(payments, p => p.Mode == PaymentMode.Cheque && p.PieceNumber == "924466" && p.Amount == 35.55m);

        var family2 = await app.SignedInClientAsync(Family(6).Identifier, DemoCatalog.FamilyPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await family2.GetAsync($"/api/v1/staff/cashier/ledger/{family.Id}")).StatusCode);
        var agent = await app.SignedInClientAsync("agent.education", DemoCatalog.StaffPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/staff/cashier/debtors")).StatusCode);
    }

    [Fact]
    public async Task The_regie_cannot_pay_into_a_family_that_does_not_exist()
    {
        var regie = await app.SignedInClientAsync("regie", DemoCatalog.StaffPassword);
        var nobody = Guid.NewGuid();

        var response = await regie.PostAsJsonAsync("/api/v1/staff/cashier/payments", new
        {
            familyAccountId = nobody, walletCode = "RESTAURATION", mode = "Cash", amount = 50m, receivedOn = TimeProvider.System.TodayInParis(), payerName = "X",
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("billing.family_not_found", problem.GetProperty("code").GetString());
        Assert.Contains("famille", problem.GetProperty("detail").GetString());
        Assert.Empty(await regie.GetFromJsonAsync<JsonElement[]>($"/api/v1/staff/cashier/ledger/{nobody}") ?? []);
        await using var scope = app.HostServices.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
        Assert.False(await db.Wallets.AnyAsync(w => w.FamilyAccountId == nobody));
    }

    [Fact]
    public async Task The_regie_cannot_pay_into_a_wallet_the_familys_structure_does_not_have()
    {
        var family = Family(5);
        var regie = await app.SignedInClientAsync("regie", DemoCatalog.StaffPassword);
        var today = TimeProvider.System.TodayInParis();
        var before = await app.SendAsync(new GetWalletBalances(family.Id));

        var injected = await regie.PostAsJsonAsync("/api/v1/staff/cashier/payments", new
        {
            familyAccountId = family.Id, walletCode = "X' OR 1=1--", mode = "Cash", amount = 20m, receivedOn = today, payerName = "X",
        });

        Assert.Equal(HttpStatusCode.BadRequest, injected.StatusCode);
        var problem = await injected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("billing.unknown_wallet", problem.GetProperty("code").GetString());
        Assert.DoesNotContain("RESTAURATION", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await app.SendAsync(new GetWalletBalances(family.Id)));
        var client = await app.SignedInClientAsync(family.Identifier, DemoCatalog.FamilyPassword);
        var balance = await client.GetFromJsonAsync<JsonElement>($"/api/v1/balance?upTo={today:yyyy-MM-dd}");
        Assert.DoesNotContain(balance.GetProperty("wallets").EnumerateArray(), w => w.GetProperty("code").GetString() == "X' OR 1=1--");

        // A wallet of the structure, typed loosely, is still credited.
        var valid = await regie.PostAsJsonAsync("/api/v1/staff/cashier/payments", new
        {
            familyAccountId = family.Id, walletCode = " periscolaire ", mode = "Cash", amount = 20m, receivedOn = today, payerName = "X",
        });
        Assert.Equal(HttpStatusCode.Created, valid.StatusCode);
        Assert.Equal(before.Single(w => w.Code == "PERISCOLAIRE").Balance + 20m, await BalanceAsync(family.Id, "PERISCOLAIRE"));
    }

    [Fact]
    public async Task A_holiday_centre_day_is_charged_when_accepted_and_credited_back_when_cancelled()
    {
        var leisure = DemoCatalog.Leisure.Id;
        var family = Family(10);
        var holidays = (await app.SendAsync(new ListBookingPeriods(leisure))).Single(p => p.Name.Contains("démonstration"));
        var day = holidays.StartsOn.AddDays(1);
        var child = family.Children.Select(c => (Child: c, Age: PortailFamille.Reservations.Domain.BookingRules.AgeOn(c.BirthDate, day)))
            .First(c => c.Age is >= 3 and <= 12);
        var (code, price) = child.Age <= 6 ? ("ALSH_3_6_JOURNEE", 6.65m) : ("ALSH_6_12_JOURNEE", 14.85m);
        var activity = (await app.SendAsync(new ListActivities(leisure))).Single(a => a.Code == code);
        Assert.Equal(BillingMode.OnBooking, activity.BillingMode);
        var before = await BalanceAsync(family.Id, "PERISCOLAIRE");

        var toggle = await app.SendAsync(new ToggleCartDays(family.Id, child.Child.Id, activity.Id, [day], ToggleScope.EachDay, "09:00", "17:30"));
        Assert.Equal(1, toggle.Value.Added);
        Assert.Equal(LineOutcome.Accepted, (await app.SendAsync(new ConfirmCart(family.Id))).Value.Lines.Single().Outcome);
        await Eventually.WaitForAsync(async () => await BalanceAsync(family.Id, "PERISCOLAIRE") == before - price);
        Assert.Equal(0m, (await app.SendAsync(new GetBalanceEstimate(family.Id, day))).BookingsCost); // already in the ledger, not estimated twice

        // In debit now (the wallet was empty): booking more is refused, cancelling is not.
        Assert.Equal(before - price < 0, (await app.SendAsync(new GetAccountStanding(family.Id))).InDebit);
        await app.SendAsync(new ToggleCartDays(family.Id, child.Child.Id, activity.Id, [day], ToggleScope.EachDay));
        Assert.Equal(LineOutcome.Cancelled, (await app.SendAsync(new ConfirmCart(family.Id))).Value.Lines.Single().Outcome);
        await Eventually.WaitForAsync(async () => await BalanceAsync(family.Id, "PERISCOLAIRE") == before);
    }

    private async Task<decimal> BalanceAsync(Guid familyId, string code) =>
        (await app.SendAsync(new GetWalletBalances(familyId))).Single(w => w.Code == code).Balance;

    [Fact]
    public async Task Ledger_sums_are_exact_to_the_cent_and_a_single_cent_owed_is_a_debt()
    {
        var family = Family(7);
        await using (var scope = app.HostServices.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
            var wallet = await db.Wallets.SingleAsync(w => w.FamilyAccountId == family.Id && w.Code == "PERISCOLAIRE");
            var balance = (await db.LedgerEntries.Where(e => e.WalletId == wallet.Id).Select(e => e.Amount).ToListAsync()).Sum();
            // 0,10 + 0,20 is not 0,30 in binary floating point; in decimal euros it is, to the cent.
            db.LedgerEntries.Add(PortailFamille.Billing.Domain.LedgerEntry.Payment(Guid.NewGuid(), wallet.Id, 0.10m, TimeProvider.System.TodayInParis(), DateTimeOffset.UtcNow, PaymentMode.Cash, null, "X", null));
            db.LedgerEntries.Add(PortailFamille.Billing.Domain.LedgerEntry.Payment(Guid.NewGuid(), wallet.Id, 0.20m, TimeProvider.System.TodayInParis(), DateTimeOffset.UtcNow, PaymentMode.Cash, null, "X", null));
            db.LedgerEntries.Add(PortailFamille.Billing.Domain.LedgerEntry.Debit(Guid.NewGuid(), wallet.Id, PortailFamille.Billing.Domain.LedgerEntryKind.Consumption, -(balance + 0.30m), TimeProvider.System.TodayInParis(), DateTimeOffset.UtcNow, "Consommations"));
            await db.SaveChangesAsync();
        }

        Assert.Equal(0.00m, (await app.SendAsync(new GetWalletBalances(family.Id))).Single(w => w.Code == "PERISCOLAIRE").Balance);
        Assert.False((await app.SendAsync(new GetAccountStanding(family.Id))).InDebit);
        Assert.DoesNotContain(await app.SendAsync(new ListDebtors()), d => d.FamilyAccountId == family.Id);

        await using (var scope = app.HostServices.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
            var wallet = await db.Wallets.SingleAsync(w => w.FamilyAccountId == family.Id && w.Code == "PERISCOLAIRE");
            db.LedgerEntries.Add(PortailFamille.Billing.Domain.LedgerEntry.Debit(Guid.NewGuid(), wallet.Id, PortailFamille.Billing.Domain.LedgerEntryKind.Consumption, -0.01m, TimeProvider.System.TodayInParis(), DateTimeOffset.UtcNow, "Consommations"));
            await db.SaveChangesAsync();
        }

        Assert.True((await app.SendAsync(new GetAccountStanding(family.Id))).InDebit);
        var debtor = Assert.Single(await app.SendAsync(new ListDebtors()), d => d.FamilyAccountId == family.Id);
        Assert.Equal(["PERISCOLAIRE"], debtor.DebitWallets);
    }
}

public sealed class SqliteBillingTests(SqlitePortalApp app) : BillingScenarios<SqlitePortalApp>(app);

public sealed class PostgresBillingTests(PostgresPortalApp app) : BillingScenarios<PostgresPortalApp>(app);
