using FluentValidation;
using PortailFamille.Accounts.Domain;

namespace PortailFamille.Accounts.Features;

internal static class NewPasswordRules
{
    /// <summary>The policy's rules, each with the guide's wording, plus the confirmation.</summary>
    public static void Apply<T>(AbstractValidator<T> validator, Func<T, string> password, Func<T, string> confirmation)
    {
        validator.RuleFor(x => password(x))
            .Custom((value, context) =>
            {
                foreach (var rule in PasswordPolicy.Broken(value))
                    context.AddFailure("NewPassword", $"Le mot de passe ne respecte pas la règle : {rule.Label}.");
            });
        validator.RuleFor(x => confirmation(x))
            .Must((x, c) => c == password(x))
            .WithName("Confirmation")
            .WithMessage("La confirmation ne correspond pas au nouveau mot de passe.");
    }
}
