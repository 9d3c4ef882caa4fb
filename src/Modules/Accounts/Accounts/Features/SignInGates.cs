using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Domain;
using PortailFamille.Accounts.Persistence;

namespace PortailFamille.Accounts.Features;

internal static class SignInGates
{
    /// <summary>First a new password (staff-issued or legacy credentials), then the current notices.</summary>
    public static async Task<SignInGate> ForAsync(AccountsDbContext db, FamilyAccount family, CancellationToken ct)
    {
        if (family.MustChangePassword) return SignInGate.ChangePassword;
        var pending = await PendingConsents.ForAsync(db, family.Id, ct);
        return pending.Count > 0 ? SignInGate.AcceptConsents : SignInGate.None;
    }
}
