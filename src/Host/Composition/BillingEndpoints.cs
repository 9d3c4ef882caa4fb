using Mediator;
using PortailFamille.Billing.Contracts;
using PortailFamille.BuildingBlocks.Time;
using PortailFamille.Host.Api;
using PortailFamille.Host.Exports;
using PortailFamille.BuildingBlocks.Text;

namespace PortailFamille.Host.Composition;

/// <summary>The histories' downloads (a page's links): CSV for a spreadsheet, PDF to keep or print.</summary>
internal static class BillingEndpoints
{
    public static WebApplication MapBillingEndpoints(this WebApplication app)
    {
        // Historiques exports (the page links to them): CSV for a spreadsheet, PDF to keep or print.
        app.MapGet("/historiques/export", async (string? mois, string? type, string? format, ICurrentFamily family, ISender sender, TimeProvider clock, CancellationToken ct) =>
        {
            var today = clock.TodayInParis();
            var month = new DateOnly(today.Year, today.Month, 1);
            if (mois is not null)
            {
                // A month the histories cannot hold (9999-12, "abc") is a clear 400, never a 500 from the date arithmetic;
                // a download link of a page: the French page, not problem details.
                if (QueryValues.Month(mois) is not { } asked)
                    return HistoryErrors.InvalidMonth.ToPage();
                month = asked;
            }
            var pdf = format == "pdf";
            var name = $"{(type == "reglements" ? "reglements" : "consommations")}-{month:yyyy-MM}.{(pdf ? "pdf" : "csv")}";
            byte[] bytes;
            if (type == "reglements")
            {
                var payments = await sender.Send(new ListPayments(family.Id, month.Year, month.Month), ct);
                bytes = pdf ? PaymentsPdf(month, payments) : CsvExport.Build(["Date reçu", "Mode règlement", "N° pièce", "Nom payeur", "Nom banque", "Porte-monnaie", "Montant"],
                    payments.Select(p => (IReadOnlyList<object?>)[p.ReceivedOn, Labels.Of(p.Mode), p.PieceNumber, p.PayerName, p.BankName, p.WalletCode, p.Amount]));
            }
            else
            {
                var consumptions = await sender.Send(new ListConsumptions(family.Id, month.Year, month.Month), ct);
                bytes = pdf ? ConsumptionsPdf(month, consumptions) : CsvExport.Build(["Date", "Consommateur", "Activité", "Prix", "Quantité", "Total"],
                    consumptions.Select(c => (IReadOnlyList<object?>)[c.Day, c.Consumer, c.Activity, c.UnitPrice, c.Quantity, c.Total]));
            }

            return Results.File(bytes, pdf ? "application/pdf" : "text/csv; charset=utf-8", name);
        }).RequireAuthorization(Policies.Family);

        return app;
    }

    public static DateOnly EndOfMonth(DateOnly day) => new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1);

    private static byte[] ConsumptionsPdf(DateOnly month, IReadOnlyList<ConsumptionView> lines)
    {
        var pdf = new SimplePdf();
        pdf.Title($"Historique des consommations — {Labels.Month(month.Year, month.Month)}");
        double[] columns = [0, 70, 220, 360, 420, 460];
        pdf.Row(columns, ["Date", "Consommateur", "Activité", "Prix (€)", "Qté", "Total (€)"], bold: true);
        foreach (var l in lines) pdf.Row(columns, [Labels.ShortDay(l.Day), l.Consumer, l.Activity, French.Amount(l.UnitPrice), l.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture), French.Amount(l.Total)]);
        pdf.Row(columns, ["TOTAL (€)", "", "", "", "", French.Amount(lines.Sum(l => l.Total))], bold: true);
        return pdf.ToBytes();
    }

    private static byte[] PaymentsPdf(DateOnly month, IReadOnlyList<PaymentView> lines)
    {
        var pdf = new SimplePdf();
        pdf.Title($"Historique des règlements — {Labels.Month(month.Year, month.Month)}");
        double[] columns = [0, 70, 150, 230, 360, 450];
        pdf.Row(columns, ["Date reçu", "Mode", "N° pièce", "Nom payeur", "Banque", "Montant (€)"], bold: true);
        foreach (var l in lines) pdf.Row(columns, [Labels.ShortDay(l.ReceivedOn), Labels.Of(l.Mode), l.PieceNumber ?? "", l.PayerName, l.BankName ?? "", French.Amount(l.Amount)]);
        pdf.Row(columns, ["TOTAL (€)", "", "", "", "", French.Amount(lines.Sum(l => l.Amount))], bold: true);
        return pdf.ToBytes();
    }

}

internal static class HistoryErrors
{
    public static readonly PortailFamille.BuildingBlocks.Results.Error InvalidMonth =
        PortailFamille.BuildingBlocks.Results.Error.Validation("billing.invalid_month", "Le mois demandé n'existe pas.");
}
