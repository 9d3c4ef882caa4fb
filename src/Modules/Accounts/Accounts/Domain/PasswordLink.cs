using System.Security.Cryptography;
using System.Text;
using PortailFamille.Accounts.Contracts;

namespace PortailFamille.Accounts.Domain;

/// <summary>
/// A single-use link to choose a password: valid 48 hours, superseded by a newer link, revoked by a
/// password change. Only the SHA-256 of the token is stored; the clear token exists only in the mail.
/// </summary>
internal sealed class PasswordLink
{
    public static readonly TimeSpan Validity = TimeSpan.FromHours(48);

    private PasswordLink() { }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public PasswordLinkReason Reason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public static (PasswordLink Link, string Token) Issue(Guid accountId, PasswordLinkReason reason, DateTimeOffset now)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var link = new PasswordLink
        {
            Id = Guid.CreateVersion7(now),
            AccountId = accountId,
            TokenHash = HashOf(token),
            Reason = reason,
            CreatedAt = now,
            ExpiresAt = now + Validity,
        };
        return (link, token);
    }

    public static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public PasswordLinkState StateAt(DateTimeOffset now) =>
        UsedAt is not null ? PasswordLinkState.Used
        : RevokedAt is not null ? PasswordLinkState.Superseded
        : now >= ExpiresAt ? PasswordLinkState.Expired
        : PasswordLinkState.Valid;

    public void MarkUsed(DateTimeOffset now) => UsedAt = now;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
