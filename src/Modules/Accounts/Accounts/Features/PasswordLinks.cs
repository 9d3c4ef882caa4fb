using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Persistence;
using PortailFamille.BuildingBlocks.Web;

namespace PortailFamille.Accounts.Features;

internal static class PasswordLinks
{
    public static string Url(PortalOptions portal, string token) => $"{portal.PublicUrl}/mot-de-passe/reinitialiser?jeton={Uri.EscapeDataString(token)}";

    public static async Task RevokeAllAsync(AccountsDbContext db, Guid accountId, DateTimeOffset now, CancellationToken ct)
    {
        var active = await db.PasswordLinks.Where(l => l.AccountId == accountId && l.UsedAt == null && l.RevokedAt == null).ToListAsync(ct);
        foreach (var link in active) link.Revoke(now);
    }
}
