using PortailFamille.Accounts.Contracts;

namespace PortailFamille.Notifications.Tests;

internal static class TestData
{
    public const string Link = "https://portail.example/mot-de-passe?ticket=n7J%2FHUtRWInrpERXxxR%2FNO%3D%3D&id=42";

    public static PasswordLinkIssued Reset(string email = "jean-paul.dupont@example.fr") => new(
        LinkId: Guid.Parse("0199a3b2-0000-7000-8000-000000000001"),
        AccountId: Guid.Parse("0199a3b2-0000-7000-8000-0000000000aa"),
        Identifier: "famille01",
        HolderName: "Jean-Paul DUPONT",
        Email: email,
        Link: Link,
        ExpiresAt: new DateTimeOffset(2024, 9, 4, 9, 30, 0, TimeSpan.Zero),
        Reason: PasswordLinkReason.ForgottenPassword);

    public static PasswordLinkIssued NewAccount() => Reset() with
    {
        Identifier = "famille31",
        HolderName = "Amélie MARTIN",
        Email = "amelie.martin@example.fr",
        Reason = PasswordLinkReason.NewAccount,
    };
}
