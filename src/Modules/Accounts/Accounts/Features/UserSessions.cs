using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Persistence;

namespace PortailFamille.Accounts.Features;

internal static class UserSessions
{
    /// <summary>Marks every open session of the user ended, in the caller's unit of work (with a password change, say).</summary>
    public static async Task<int> EndAllAsync(AccountsDbContext db, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.Sessions.Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync(ct);
        foreach (var session in open) session.End(now);
        return open.Count;
    }
}
