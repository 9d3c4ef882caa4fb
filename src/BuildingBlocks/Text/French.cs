using System.Globalization;

namespace PortailFamille.BuildingBlocks.Text;

/// <summary>How every module and page writes for people: the French culture, amounts in euros and days, once.</summary>
public static class French
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>« 1 234,50 € » (a narrow no-break space groups thousands, as .NET's fr-FR does).</summary>
    public static string Money(decimal amount) => amount.ToString("#,##0.00' €'", Culture);

    /// <summary>« 1 234,50 », for a column already headed « (€) ».</summary>
    public static string Amount(decimal amount) => amount.ToString("#,##0.00", Culture);

    /// <summary>« jeudi 12 septembre 2024 ».</summary>
    public static string Day(DateOnly day) => day.ToString("dddd d MMMM yyyy", Culture);

    /// <summary>« 16 août 2025 ».</summary>
    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", Culture);
}
