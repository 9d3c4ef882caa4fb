namespace PortailFamille.Accounts.Domain;

/// <summary>
/// Failed sign-ins per identifier, kept whether the identifier exists or not (so the lock-out
/// answer tells nothing about existing accounts): 5 failures within 15 minutes lock it 15 minutes.
/// Sign-in moves the row by conditional updates only (<c>SignInAttempts</c>), so concurrent attempts count one by one.
/// </summary>
internal sealed class SignInThrottle
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(15);

    private SignInThrottle() { }

    public string Identifier { get; private set; } = "";
    public int Failures { get; private set; }
    public DateTimeOffset WindowStartedAt { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }

    public static SignInThrottle For(string identifier, DateTimeOffset now) => new() { Identifier = identifier, WindowStartedAt = now };

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;

    public void Reset(DateTimeOffset now)
    {
        Failures = 0;
        WindowStartedAt = now;
        LockedUntil = null;
    }
}
