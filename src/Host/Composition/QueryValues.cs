using System.Globalization;

namespace PortailFamille.Host.Composition;

/// <summary>
/// A page's query values, read as text and parsed here: Blazor's typed <c>[SupplyParameterFromQuery]</c> throws (a 500)
/// on a value it cannot parse, and an address edited by hand is no reason for an error page. Malformed means absent.
/// </summary>
internal static class QueryValues
{
    public static int? Count(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static Guid? Id(string? value) => Guid.TryParse(value, out var id) ? id : null;

    public static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>A month the histories hold (« 2025-03 »), from 2000 to 2100; null for any other text (« 9999-12 », « abc »).</summary>
    public static DateOnly? Month(string? value) =>
        DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && IsHistoryMonth(month.Year, month.Month)
            ? month : null;

    public static bool IsHistoryMonth(int year, int month) => year is >= 2000 and <= 2100 && month is >= 1 and <= 12;
}
