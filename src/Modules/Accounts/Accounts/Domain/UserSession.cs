namespace PortailFamille.Accounts.Domain;

/// <summary>
/// A signed-in session (a browser, a phone), the server side of the session cookie: every request checks that its
/// session is still open, so logout, a password change, a reset or « déconnecter partout » end it on every Host at
/// once. A session lasts 12 hours at most, 30 days when the parent chose « Rester connecté sur cet appareil ».
/// </summary>
internal sealed class UserSession
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);
    public static readonly TimeSpan KeptLifetime = TimeSpan.FromDays(30);

    private UserSession() { }

    public Guid Id { get; private set; }
    /// <summary>The family account or staff member signed in.</summary>
    public Guid UserId { get; private set; }
    public bool KeptSignedIn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    public static UserSession Open(Guid userId, bool keptSignedIn, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserId = userId,
        KeptSignedIn = keptSignedIn,
        CreatedAt = now,
        ExpiresAt = now + (keptSignedIn ? KeptLifetime : Lifetime),
    };

    public bool IsOpenAt(DateTimeOffset now) => EndedAt is null && now < ExpiresAt;

    public void End(DateTimeOffset now) => EndedAt ??= now;
}
