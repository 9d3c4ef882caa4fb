using System.Security.Cryptography;

namespace PortailFamille.Reservations.Features;

/// <summary>A private, unguessable feed address per family (256-bit token), for a phone's calendar.</summary>
internal sealed class CalendarFeed
{
    private CalendarFeed() { }

    public Guid FamilyAccountId { get; private set; }
    public string Token { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public static CalendarFeed Create(Guid familyAccountId, DateTimeOffset now) => new()
    {
        FamilyAccountId = familyAccountId,
        Token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        CreatedAt = now,
    };
}
