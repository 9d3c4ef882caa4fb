namespace PortailFamille.BuildingBlocks.Time;

/// <summary>Every structure lives in Europe/Paris: deadlines and "today" are computed there.</summary>
public static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTimeOffset NowInParis(this TimeProvider clock) =>
        TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone);

    public static DateOnly TodayInParis(this TimeProvider clock) =>
        DateOnly.FromDateTime(clock.NowInParis().DateTime);

    public static DateTimeOffset ToParis(this DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);
}
