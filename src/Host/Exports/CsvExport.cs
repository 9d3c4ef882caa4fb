using System.Globalization;
using System.Text;
using PortailFamille.BuildingBlocks.Text;

namespace PortailFamille.Host.Exports;

/// <summary>CSV as French spreadsheets read it: ';' separators, decimal commas, UTF-8 with a byte order mark.</summary>
internal static class CsvExport
{
    public static byte[] Build(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(';', headers.Select(Quote)));
        foreach (var row in rows)
            text.AppendLine(string.Join(';', row.Select(Format)));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString("0.00", French.Culture),
        DateOnly day => day.ToString("dd/MM/yyyy", French.Culture),
        int i => i.ToString(French.Culture),
        _ => Quote(value.ToString() ?? ""),
    };

    // A leading =, +, - or @ would be run as a formula by a spreadsheet: neutralised with a quote.
    private static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
