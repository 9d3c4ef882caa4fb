using System.Text;
using Mediator;
using PortailFamille.Billing.Contracts;
using PortailFamille.BuildingBlocks.Time;
using PortailFamille.BuildingBlocks.Web;
using PortailFamille.Host.Composition;
using PortailFamille.Host.Exports;

namespace PortailFamille.Host.Api;

/// <summary>
/// Billing: the family's wallets, balance estimate, histories and card payments, the payment provider's webhook;
/// the régie's payments, ledgers, debtors and takings.
/// </summary>
internal static class BillingApi
{
    public static RouteGroupBuilder MapBillingApiV1(this RouteGroupBuilder api)
    {
        api.MapGet("/wallets", async (ICurrentFamily family, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetWalletBalances(family.Id), ct))).RequireAuthorization(Policies.Family);
        api.MapGet("/balance", async (DateOnly? upTo, ICurrentFamily family, ISender sender, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetBalanceEstimate(family.Id, upTo ?? BillingEndpoints.EndOfMonth(clock.TodayInParis())), ct)))
            .RequireAuthorization(Policies.Family);
        api.MapGet("/history/consumptions", async (int year, int month, ICurrentFamily family, ISender sender, CancellationToken ct) =>
            QueryValues.IsHistoryMonth(year, month) ? Results.Ok(await sender.Send(new ListConsumptions(family.Id, year, month), ct)) : HistoryErrors.InvalidMonth.ToProblem())
            .RequireAuthorization(Policies.Family);
        api.MapGet("/history/payments", async (int year, int month, ICurrentFamily family, ISender sender, CancellationToken ct) =>
            QueryValues.IsHistoryMonth(year, month) ? Results.Ok(await sender.Send(new ListPayments(family.Id, year, month), ct)) : HistoryErrors.InvalidMonth.ToProblem())
            .RequireAuthorization(Policies.Family);

        var payments = api.MapGroup("/payments");
        // Called by the payment provider: no session and no antiforgery token, the signature is the credential.
        // The raw body is read as is: re-serialising it would break the signature.
        payments.MapPost("/webhook", async (HttpRequest request, ISender sender, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var payload = await reader.ReadToEndAsync(ct);
            var result = await sender.Send(new ApplyPaymentEvent(payload, request.Headers[PaymentEndpoints.SignatureHeader].ToString()), ct);
            return result.ToHttpResult(outcome => Results.Ok(new { outcome }));
        }).AllowAnonymous().DisableAntiforgery();
        payments.MapGet("/owed", async (ICurrentFamily family, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetAmountsOwed(family.Id), ct))).RequireAuthorization(Policies.Family);
        payments.MapPost("/", async (StartPaymentRequest body, ICurrentFamily family, PortalOptions portal, ISender sender, CancellationToken ct) =>
            (await sender.Send(new StartCardPayment(family.Id, body.Amounts ?? [], portal.PublicUrl), ct))
                .ToHttpResult(started => Results.Created($"/api/v1/payments/{started.PaymentId}", started)))
            .RequireAuthorization(Policies.Family);
        payments.MapGet("/{paymentId:guid}", async (Guid paymentId, ICurrentFamily family, ISender sender, CancellationToken ct) =>
            await sender.Send(new GetCardPayment(family.Id, paymentId), ct) is { } payment
                ? Results.Ok(payment)
                : PortailFamille.BuildingBlocks.Results.Error.NotFound("billing.payment_not_found", "Ce paiement est introuvable.").ToProblem())
            .RequireAuthorization(Policies.Family);

        var regie = api.MapGroup("/staff/cashier").RequireAuthorization(Policies.Cashiers);
        regie.MapPost("/payments", async (CashierPaymentRequest body, ICurrentStaff cashier, ISender sender, CancellationToken ct) =>
            (await sender.Send(new RecordCashierPayment(cashier.Name, body.FamilyAccountId, body.WalletCode ?? "", body.Mode, body.Amount, body.ReceivedOn,
                body.PieceNumber, body.PayerName ?? "", body.BankName), ct)).ToHttpResult(id => Results.Created($"/api/v1/staff/cashier/payments/{id}", new { id })));
        regie.MapGet("/ledger/{familyAccountId:guid}", async (Guid familyAccountId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetLedger(familyAccountId), ct)));
        regie.MapGet("/debtors", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListDebtors(), ct)));
        regie.MapGet("/takings", async (DateOnly day, string? format, ISender sender, CancellationToken ct) =>
        {
            var takings = await sender.Send(new GetDailyTakings(day), ct);
            return format == "csv"
                ? Results.File(CsvExport.Build(["Jour", "Mode", "N° pièce", "Payeur", "Banque", "Porte-monnaie", "Montant"],
                    takings.Select(t => (IReadOnlyList<object?>)[day, Labels.Of(t.Mode), t.PieceNumber, t.PayerName, t.BankName, t.WalletCode, t.Amount])
                        .Append([day, "TOTAL", null, null, null, null, takings.Sum(t => t.Amount)])), "text/csv; charset=utf-8", $"recette-{day:yyyy-MM-dd}.csv")
                : Results.Ok(takings);
        });
        return api;
    }
}

internal sealed record StartPaymentRequest(IReadOnlyList<WalletAmount>? Amounts);

internal sealed record CashierPaymentRequest(Guid FamilyAccountId, string? WalletCode, PaymentMode Mode, decimal Amount, DateOnly ReceivedOn, string? PieceNumber, string? PayerName, string? BankName);
