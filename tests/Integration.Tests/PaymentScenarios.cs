using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PortailFamille.BuildingBlocks.Demo;

namespace PortailFamille.Integration.Tests;

/// <summary>
/// Card payments through HTTP, on SQLite and PostgreSQL: the webhook credits once per provider event
/// whatever the deliveries, refuses bad signatures, the Worker mails the receipt to the first address,
/// and a parent pays through the test gateway pages. Each scenario uses its own demo family.
/// </summary>
public abstract partial class PaymentScenarios<TApp>(TApp app) : IClassFixture<TApp> where TApp : PortalApp, IPaymentApp
{
    private const string Password = DemoCatalog.FamilyPassword;
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_same_signed_event_delivered_ten_times_at_once_credits_each_wallet_once()
    {
        var family = await SignInAsync("famille11");
        var before = await BalancesAsync(family);
        var payment = await StartAsync(family, ("PERISCOLAIRE", 10.00m), ("RESTAURATION", 25.50m));
        var (payload, signature) = SignedCheckoutCompleted(payment, app.WebhookSecret);

        var deliveries = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PostWebhookAsync(payload, signature)));

        Assert.All(deliveries, d => Assert.Equal(HttpStatusCode.OK, d.StatusCode));
        var outcomes = await Task.WhenAll(deliveries.Select(async d => (await d.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString()));
        Assert.Equal(1, outcomes.Count(o => o == "Credited"));
        Assert.Equal(9, outcomes.Count(o => o == "AlreadyApplied"));

        var after = await BalancesAsync(family);
        Assert.Equal(before["PERISCOLAIRE"] + 10.00m, after["PERISCOLAIRE"]);
        Assert.Equal(before["RESTAURATION"] + 25.50m, after["RESTAURATION"]);
        var view = await family.GetFromJsonAsync<JsonElement>($"/api/v1/payments/{payment.Id}");
        Assert.Equal("Paid", view.GetProperty("status").GetString());

        // Delivered again later (Stripe retries for days): still nothing more.
        var late = await PostWebhookAsync(payload, signature);
        Assert.Equal("AlreadyApplied", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal(after, await BalancesAsync(family));
    }

    [Fact]
    public async Task A_second_event_for_an_already_paid_payment_credits_nothing()
    {
        var family = await SignInAsync("famille12");
        var payment = await StartAsync(family, ("RESTAURATION", 15.00m));
        var first = SignedCheckoutCompleted(payment, app.WebhookSecret);
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(first.Payload, first.Signature)).StatusCode);
        var credited = await BalancesAsync(family);

        var other = SignedCheckoutCompleted(payment, app.WebhookSecret); // another event id, same checkout
        var response = await PostWebhookAsync(other.Payload, other.Signature);

        Assert.Equal("AlreadyApplied", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal(credited, await BalancesAsync(family));
    }

    [Fact]
    public async Task A_bad_signature_is_refused_with_400_and_credits_nothing()
    {
        var family = await SignInAsync("famille13");
        var before = await BalancesAsync(family);
        var payment = await StartAsync(family, ("RESTAURATION", 30.00m));
        var (payload, _) = SignedCheckoutCompleted(payment, app.WebhookSecret);
        var (_, wrongSecret) = SignedCheckoutCompleted(payment, "whsec_attacker");
        var forged = Sign(payload, "whsec_attacker", DateTimeOffset.UtcNow);

        var refused = await PostWebhookAsync(payload, forged);
        var unsigned = await PostWebhookAsync(payload, null);
        var mismatched = await PostWebhookAsync(payload, wrongSecret);

        foreach (var response in new[] { refused, unsigned, mismatched })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("billing.bad_signature", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }

        Assert.Equal(before, await BalancesAsync(family));
        Assert.Equal("Pending", (await family.GetFromJsonAsync<JsonElement>($"/api/v1/payments/{payment.Id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_receipt_is_mailed_once_to_the_first_address_only()
    {
        var family = await SignInAsync("famille14");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var first = $"premiere.{tag}@exemple.fr";
        var second = $"seconde.{tag}@exemple.fr";
        Assert.Equal(HttpStatusCode.NoContent, (await family.PutAsJsonAsync("/api/v1/me/emails", new { emails = $"{first} ; {second}" })).StatusCode);
        var payment = await StartAsync(family, ("PERISCOLAIRE", 12.30m), ("RESTAURATION", 7.70m));
        var (payload, signature) = SignedCheckoutCompleted(payment, app.WebhookSecret);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostWebhookAsync(payload, signature)));

        var mail = await app.Smtp.WaitForMessageAsync(m => To(m) == first, MailTimeout);
        Assert.Equal("Justificatif de votre paiement par carte bancaire", mail.Subject);
        var body = mail.TextBody;
        Assert.Contains("Porte-monnaie PERISCOLAIRE : 12,30 €", body);
        Assert.Contains("Porte-monnaie RESTAURATION : 7,70 €", body);
        Assert.Contains("Total : 20,00 €", body);
        Assert.Contains($"Référence du paiement : {payment.Reference}", body);
        Assert.Contains("Aucune information concernant votre carte bancaire n'est enregistrée.", body);
        Assert.Matches(@"paiement par carte bancaire du \w+ \d{1,2} \w+ \d{4} à \d{2}:\d{2}", body);
        Assert.Equal($"payment-receipt.{payment.Id:N}@portail-famille.local", mail.MessageId);

        // Nothing else comes: not to the second address, not a second receipt.
        await app.WaitUntilSettledAsync();
        Assert.Single(app.Smtp.Messages, m => To(m) == first);
        Assert.DoesNotContain(app.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == second));
    }

    [Fact]
    public async Task A_parent_pays_through_the_test_gateway_pages_and_sees_the_new_balance()
    {
        var family = await app.SignedInClientAsync("famille15", Password);
        var before = await BalancesAsync(family);

        // "Paiement CB": every wallet pre-filled with what is owed (nothing, for this family).
        var form = WebUtility.HtmlDecode(await family.GetStringAsync("/solde-et-paiements/paiement-cb"));
        Assert.Contains("Montant de votre règlement", form);
        Assert.Contains("Aucune information concernant votre carte bancaire n'est enregistrée, uniquement le montant et la date du paiement.", form);
        var wallets = WalletField().Matches(form).Select(m => (Index: m.Groups[1].Value, Code: m.Groups[2].Value)).ToList();
        Assert.Equal(["PERISCOLAIRE", "RESTAURATION"], wallets.Select(w => w.Code));
        Assert.Equal(2, AmountField().Matches(form).Count(m => m.Groups[2].Value == "0,00"));

        var fields = new Dictionary<string, string> { ["_handler"] = "paiement-cb", ["__RequestVerificationToken"] = Token(form) };
        foreach (var (index, code) in wallets)
        {
            fields[$"Input.Lines[{index}].WalletCode"] = code;
            fields[$"Input.Lines[{index}].Amount"] = code == "RESTAURATION" ? "40,25" : "0";
        }

        var started = await family.PostAsync("/solde-et-paiements/paiement-cb", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var gatewayPath = started.Headers.Location!.OriginalString.Replace("http://localhost", "");
        Assert.Matches("^/paiement/passerelle-test/[0-9a-f-]{36}$", gatewayPath);
        var paymentId = Guid.Parse(gatewayPath[(gatewayPath.LastIndexOf('/') + 1)..]);

        var gateway = WebUtility.HtmlDecode(await family.GetStringAsync(gatewayPath));
        Assert.Contains("Passerelle de paiement de TEST — aucun paiement réel n'est effectué", gateway);
        Assert.Contains("40,25 €", gateway);
        Assert.Equal(before, await BalancesAsync(family)); // nothing credited before the event

        var paid = await family.PostAsync(gatewayPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "payer",
            ["__RequestVerificationToken"] = Token(gateway),
        }));
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        Assert.Equal($"/paiement/retour/{paymentId}", paid.Headers.Location!.OriginalString.Replace("http://localhost", ""));

        var receipt = WebUtility.HtmlDecode(await family.GetStringAsync($"/paiement/retour/{paymentId}"));
        Assert.Contains("Paiement accepté", receipt);
        Assert.Contains("Nouveau solde de vos porte-monnaie", receipt);
        var newBalance = before["RESTAURATION"] + 40.25m;
        Assert.Contains(newBalance.ToString("#,##0.00' €'", CultureInfo.GetCultureInfo("fr-FR")), receipt);
        Assert.Equal(newBalance, (await BalancesAsync(family))["RESTAURATION"]);
        Assert.Equal(before["PERISCOLAIRE"], (await BalancesAsync(family))["PERISCOLAIRE"]);

        // The gateway page of a paid payment offers nothing more to pay.
        Assert.DoesNotContain("Payer (simulation)", WebUtility.HtmlDecode(await family.GetStringAsync(gatewayPath)));
    }

    [Fact]
    public async Task Cancelling_on_the_test_gateway_credits_nothing_and_says_so()
    {
        var family = await app.SignedInClientAsync("famille16", Password);
        var before = await BalancesAsync(family);
        var payment = await StartAsync(family, ("PERISCOLAIRE", 18.00m));
        var gatewayPath = $"/paiement/passerelle-test/{payment.Id}";
        var gateway = WebUtility.HtmlDecode(await family.GetStringAsync(gatewayPath));

        var cancelled = await family.PostAsync(gatewayPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "annuler",
            ["__RequestVerificationToken"] = Token(gateway),
        }));

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Contains("Paiement annulé", WebUtility.HtmlDecode(await family.GetStringAsync($"/paiement/retour/{payment.Id}")));
        Assert.Equal("Cancelled", (await family.GetFromJsonAsync<JsonElement>($"/api/v1/payments/{payment.Id}")).GetProperty("status").GetString());
        Assert.Equal(before, await BalancesAsync(family));
    }

    [Fact]
    public async Task A_family_cannot_read_another_familys_payment()
    {
        var owner = await SignInAsync("famille17");
        var payment = await StartAsync(owner, ("RESTAURATION", 5.00m));
        var other = await app.SignedInClientAsync("famille18", Password);

        var api = await other.GetAsync($"/api/v1/payments/{payment.Id}");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("billing.payment_not_found", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/paiement/retour/{payment.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/paiement/passerelle-test/{payment.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/payments/{payment.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().GetAsync($"/api/v1/payments/{payment.Id}")).StatusCode);
    }

    [Fact]
    public async Task Amounts_owed_are_listed_per_wallet_and_invalid_amounts_are_refused_in_french()
    {
        var family = await SignInAsync("famille19");

        var owed = await family.GetFromJsonAsync<JsonElement>("/api/v1/payments/owed");
        Assert.Equal(["PERISCOLAIRE", "RESTAURATION"], owed.EnumerateArray().Select(w => w.GetProperty("walletCode").GetString()));
        Assert.All(owed.EnumerateArray(), w => Assert.Equal(0m, w.GetProperty("amount").GetDecimal()));

        var precision = await family.PostAsJsonAsync("/api/v1/payments", new { amounts = new[] { new { walletCode = "RESTAURATION", amount = 10.005m } } });
        var nothing = await family.PostAsJsonAsync("/api/v1/payments", new { amounts = new[] { new { walletCode = "RESTAURATION", amount = 0m } } });
        var tooMuch = await family.PostAsJsonAsync("/api/v1/payments", new { amounts = new[] { new { walletCode = "RESTAURATION", amount = 2000.01m } } });

        Assert.Equal("billing.amount_precision", (await ProblemAsync(precision)).GetProperty("code").GetString());
        Assert.Equal("billing.nothing_to_pay", (await ProblemAsync(nothing)).GetProperty("code").GetString());
        var above = await ProblemAsync(tooMuch);
        Assert.Equal("billing.above_maximum", above.GetProperty("code").GetString());
        Assert.Contains("ne peut pas dépasser 2", above.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("sans montant", "famille20", "MissingAmount")]
    [InlineData("en dollars", "famille21", "WrongCurrency")]
    [InlineData("un centime de moins", "famille22", "AmountMismatch")]
    public async Task A_signed_checkout_of_another_amount_or_currency_is_an_anomaly_recorded_once_and_credits_nothing(string variant, string identifier, string reason)
    {
        var family = await SignInAsync(identifier);
        var before = await BalancesAsync(family);
        var payment = await StartAsync(family, ("RESTAURATION", 15.00m));
        var (payload, signature) = SignedCheckoutCompleted(payment, app.WebhookSecret, session =>
        {
            switch (variant)
            {
                case "sans montant": session.Remove("amount_total"); break;
                case "en dollars": session["currency"] = "usd"; break;
                default: session["amount_total"] = 1499; break;
            }
        });

        // Delivered three times at once, then again later: Stripe retries what is not answered 2xx.
        var deliveries = (await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostWebhookAsync(payload, signature)))).Append(await PostWebhookAsync(payload, signature));

        foreach (var delivery in deliveries)
        {
            Assert.Equal(HttpStatusCode.OK, delivery.StatusCode);
            Assert.Equal("Anomaly", (await delivery.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        }

        Assert.Equal(before, await BalancesAsync(family));
        Assert.Equal("Pending", (await family.GetFromJsonAsync<JsonElement>($"/api/v1/payments/{payment.Id}")).GetProperty("status").GetString());
        var eventId = JsonNode.Parse(payload)!["id"]!.GetValue<string>();
        var anomaly = Assert.Single(await app.SendAsync(new PortailFamille.Billing.Contracts.ListPaymentAnomalies(500)), a => a.ProviderEventId == eventId);
        Assert.Equal((reason, payment.Id, 15.00m), (anomaly.Reason.ToString(), anomaly.CardPaymentId, anomaly.ExpectedAmount));
    }

    [Theory]
    [InlineData("pas du JSON")]
    [InlineData("{\"hello\":\"world\"}")]
    public async Task A_signed_body_that_is_not_a_stripe_event_is_refused_with_400_bad_payload(string payload)
    {
        var response = await PostWebhookAsync(payload, Sign(payload, app.WebhookSecret, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("billing.bad_payload", problem.GetProperty("code").GetString());
        Assert.Contains("notification de paiement", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_regie_sees_payment_anomalies_on_the_dashboard_and_an_agent_does_not()
    {
        var family = await SignInAsync("famille23");
        var payment = await StartAsync(family, ("PERISCOLAIRE", 21.30m));
        var (payload, signature) = SignedCheckoutCompleted(payment, app.WebhookSecret, session => session["currency"] = "usd");
        Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(payload, signature)).StatusCode);
        var eventId = JsonNode.Parse(payload)!["id"]!.GetValue<string>();

        var regie = WebUtility.HtmlDecode(await (await app.SignedInClientAsync("regie", DemoCatalog.StaffPassword)).GetStringAsync("/gestion"));
        var agent = WebUtility.HtmlDecode(await (await app.SignedInClientAsync("agent.education", DemoCatalog.StaffPassword)).GetStringAsync("/gestion"));

        Assert.Contains("Anomalies des paiements par carte", regie);
        Assert.Contains(eventId, regie);
        Assert.Contains("Devise autre que l'euro", regie);
        Assert.Contains("21,30 €", regie);
        Assert.DoesNotContain("Anomalies des paiements par carte", agent);
        Assert.DoesNotContain(eventId, agent);
    }

    internal sealed record StartedPayment(Guid Id, string ProviderReference, string Reference, decimal Total);

    private async Task<HttpClient> SignInAsync(string identifier)
    {
        var client = app.NewClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { identifier, password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return client;
    }

    private static async Task<Dictionary<string, decimal>> BalancesAsync(HttpClient family) =>
        (await family.GetFromJsonAsync<JsonElement>("/api/v1/wallets")).EnumerateArray()
            .ToDictionary(w => w.GetProperty("code").GetString()!, w => w.GetProperty("balance").GetDecimal());

    private static async Task<StartedPayment> StartAsync(HttpClient family, params (string Wallet, decimal Amount)[] amounts)
    {
        var response = await family.PostAsJsonAsync("/api/v1/payments",
            new { amounts = amounts.Select(a => new { walletCode = a.Wallet, amount = a.Amount }) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var started = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = started.GetProperty("paymentId").GetGuid();
        Assert.Equal($"/paiement/passerelle-test/{id}", started.GetProperty("redirectUrl").GetString());
        var view = await family.GetFromJsonAsync<JsonElement>($"/api/v1/payments/{id}");
        Assert.Equal("Pending", view.GetProperty("status").GetString());
        return new StartedPayment(id, view.GetProperty("providerReference").GetString()!, view.GetProperty("reference").GetString()!,
            view.GetProperty("total").GetDecimal());
    }

    private Task<HttpResponseMessage> PostWebhookAsync(string payload, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/webhook")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        if (signature is not null) request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        return app.NewClient().SendAsync(request);
    }

    /// <summary>A checkout.session.completed event as Stripe sends it (a new event id each time), signed with <paramref name="secret"/>.</summary>
    internal static (string Payload, string Signature) SignedCheckoutCompleted(StartedPayment payment, string secret, Action<JsonObject>? changeSession = null)
    {
        var now = DateTimeOffset.UtcNow;
        var cents = (long)(payment.Total * 100m);
        var stripeEvent = new JsonObject
        {
            ["id"] = $"evt_{Guid.NewGuid():N}",
            ["object"] = "event",
            ["api_version"] = "2026-10-28.endive",
            ["created"] = now.ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = "checkout.session.completed",
            ["data"] = new JsonObject
            {
                ["object"] = new JsonObject
                {
                    ["id"] = payment.ProviderReference,
                    ["object"] = "checkout.session",
                    ["amount_subtotal"] = cents,
                    ["amount_total"] = cents,
                    ["currency"] = "eur",
                    ["client_reference_id"] = payment.Id.ToString(),
                    ["metadata"] = new JsonObject { ["payment_id"] = payment.Id.ToString() },
                    ["mode"] = "payment",
                    ["payment_status"] = "paid",
                    ["status"] = "complete",
                },
            },
        };
        changeSession?.Invoke(stripeEvent["data"]!["object"]!.AsObject());
        var payload = stripeEvent.ToJsonString();
        return (payload, Sign(payload, secret, now));
    }

    internal static string Sign(string payload, string secret, DateTimeOffset at)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string To(MimeMessage message) => message.To.Mailboxes.Single().Address;

    private static string Token(string html)
    {
        var match = AntiforgeryToken().Match(html);
        Assert.True(match.Success, "the page carries an antiforgery token");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"Input\\.Lines\\[(\\d+)\\]\\.WalletCode\" value=\"([^\"]+)\"")]
    private static partial Regex WalletField();

    [GeneratedRegex("name=\"Input\\.Lines\\[(\\d+)\\]\\.Amount\" value=\"([^\"]*)\"")]
    private static partial Regex AmountField();
}

public sealed class SqlitePaymentTests(SqlitePaymentApp app) : PaymentScenarios<SqlitePaymentApp>(app);

public sealed class PostgresPaymentTests(PostgresPaymentApp app) : PaymentScenarios<PostgresPaymentApp>(app);

/// <summary>With Stripe configured: no test gateway page, and webhooks verified with Stripe's endpoint secret only.</summary>
public sealed class StripeConfiguredPaymentTests(StripeConfiguredApp app) : IClassFixture<StripeConfiguredApp>
{
    [Fact]
    public async Task The_test_gateway_page_does_not_exist_when_stripe_is_configured()
    {
        var family = DemoCatalog.Families[19];
        // A pending test payment of this family (recorded directly: starting one here would call Stripe).
        var paymentId = Guid.NewGuid();
        await using (var scope = app.HostServices.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortailFamille.Billing.Persistence.BillingDbContext>();
            var payment = PortailFamille.Billing.Domain.CardPayment.Start(paymentId, family.Id, PortailFamille.Billing.Contracts.PaymentGatewayKind.Test,
                [new("RESTAURATION", 10m)], [new("RESTAURATION", 0m)], "", DateTimeOffset.UtcNow).Value;
            payment.AttachProviderReference($"pf_test_{paymentId:N}");
            db.CardPayments.Add(payment);
            await db.SaveChangesAsync();
        }

        var client = await app.SignedInClientAsync(family.Identifier, DemoCatalog.FamilyPassword);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/payments/{paymentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/paiement/passerelle-test/{paymentId}")).StatusCode);
    }

    [Fact]
    public async Task Webhooks_are_verified_with_the_stripe_endpoint_secret_only()
    {
        var unknown = new PaymentScenarios<SqlitePaymentApp>.StartedPayment(Guid.NewGuid(), "cs_test_unknown", "unknown", 10m);
        var (payload, _) = PaymentScenarios<SqlitePaymentApp>.SignedCheckoutCompleted(unknown, "unused");
        var now = DateTimeOffset.UtcNow;

        var withTestSecret = await PostAsync(payload, PaymentScenarios<SqlitePaymentApp>.Sign(payload, "whsec_test_portail_famille_local", now));
        var withStripeSecret = await PostAsync(payload, PaymentScenarios<SqlitePaymentApp>.Sign(payload, StripeConfiguredApp.StripeWebhookSecret, now));

        Assert.Equal(HttpStatusCode.BadRequest, withTestSecret.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withStripeSecret.StatusCode);
        Assert.Equal("Ignored", (await withStripeSecret.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
    }

    private Task<HttpResponseMessage> PostAsync(string payload, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        return app.NewClient().SendAsync(request);
    }
}

/// <summary>Production without Stripe keys: the test gateway's public secret credits nothing, and card payment says so.</summary>
public sealed class ProductionWithoutStripePaymentTests(ProductionWithoutStripeApp app) : IClassFixture<ProductionWithoutStripeApp>
{
    [Fact]
    public async Task Card_payment_is_refused_and_test_signed_events_credit_nothing()
    {
        var family = DemoCatalog.Families[20];
        var client = await app.SignedInClientAsync(family.Identifier, DemoCatalog.FamilyPassword);

        var start = await client.PostAsJsonAsync("/api/v1/payments", new { amounts = new[] { new { walletCode = "RESTAURATION", amount = 10m } } });
        Assert.Equal(HttpStatusCode.Conflict, start.StatusCode);
        Assert.Equal("billing.card_payments_disabled", (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var forged = new PaymentScenarios<SqlitePaymentApp>.StartedPayment(Guid.NewGuid(), "cs_test_forged", "forged", 10m);
        var (payload, signature) = PaymentScenarios<SqlitePaymentApp>.SignedCheckoutCompleted(forged, "whsec_test_portail_famille_local");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        var webhook = await app.NewClient().SendAsync(request);
        Assert.False(webhook.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/paiement/passerelle-test/{Guid.NewGuid()}")).StatusCode);
    }
}
