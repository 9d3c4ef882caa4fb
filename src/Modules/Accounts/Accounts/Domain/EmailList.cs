using System.Net.Mail;
using System.Text.RegularExpressions;

namespace PortailFamille.Accounts.Domain;

/// <summary>E-mails typed by parents, separated by ';' (guide: "plusieurs adresses … séparées par un point-virgule").</summary>
internal static partial class EmailList
{
    public const int MaxAddresses = 5;

    /// <summary>Each address checked on its own; the French messages name the faulty ones.</summary>
    public static (IReadOnlyList<string> Addresses, IReadOnlyList<string> Errors) Parse(string? text)
    {
        var parts = (text ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var errors = new List<string>();
        if (parts.Length == 0) errors.Add("Indiquez au moins une adresse électronique.");
        if (parts.Length > MaxAddresses) errors.Add($"Indiquez au plus {MaxAddresses} adresses électroniques.");
        var addresses = new List<string>();
        foreach (var part in parts)
        {
            if (!IsValid(part)) errors.Add($"L'adresse « {part} » n'est pas une adresse électronique valide.");
            else if (addresses.Contains(part, StringComparer.OrdinalIgnoreCase)) errors.Add($"L'adresse « {part} » est indiquée deux fois.");
            else addresses.Add(part);
        }

        return (addresses, errors);
    }

    private static bool IsValid(string address) =>
        address.Length <= 254
        && Shape().IsMatch(address)
        && MailAddress.TryCreate(address, out var parsed)
        && parsed.Address == address;

    [GeneratedRegex(@"^[^@\s;,<>]+@[^@\s;,<>]+\.[^@\s;,<>.]{2,}$")]
    private static partial Regex Shape();
}
