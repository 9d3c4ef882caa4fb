using System.Text.RegularExpressions;

namespace PortailFamille.Accounts.Domain;

/// <summary>
/// The password rules of the reference guide (guide-reinitialisation-mot-de-passe): 8 to 30
/// characters, at least one lower-case letter, one upper-case letter, one digit, symbols allowed,
/// no spaces. Each rule carries a pattern the browser evaluates too, so the live ✓/✗ list and the
/// server check cannot disagree.
/// </summary>
internal static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 30;

    public sealed record Rule(string Code, string Label, string Pattern)
    {
        private readonly Regex _regex = new(Pattern, RegexOptions.CultureInvariant);

        public bool IsMetBy(string password) => _regex.IsMatch(password);
    }

    public static IReadOnlyList<Rule> Rules { get; } =
    [
        new("min_length", "Au minimum 8 caractères alpha-numériques (symboles autorisés, pas d'espace)", @"^\S{8,}$"),
        new("lower", "Au moins 1 lettre en minuscule", @"\p{Ll}"),
        new("upper", "Au moins 1 lettre en majuscule", @"\p{Lu}"),
        new("digit", "Au moins 1 chiffre", @"[0-9]"),
        new("max_length", "Au maximum 30 caractères", @"^[\s\S]{0,30}$"),
    ];

    /// <summary>The rules the password breaks, in the order the guide lists them.</summary>
    public static IReadOnlyList<Rule> Broken(string? password) =>
        Rules.Where(r => !r.IsMetBy(password ?? "")).ToList();
}
