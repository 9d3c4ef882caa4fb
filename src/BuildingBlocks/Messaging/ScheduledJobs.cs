using System.Globalization;
using Microsoft.Extensions.Configuration;
using PortailFamille.BuildingBlocks.Configuration;
using PortailFamille.BuildingBlocks.Time;
using Wolverine;

namespace PortailFamille.BuildingBlocks.Messaging;

/// <summary>
/// One occurrence of a recurring job (a Wolverine recurring message, cron in Europe/Paris). Routed, like the
/// integration events, to the durable Worker queue: whichever node runs Wolverine's recurring agent (the Host or a
/// Worker) schedules it there, and one Worker takes it. Records only; never rename or move one (Wolverine names
/// messages by type, and the schedule name is its deduplication key).
/// </summary>
public interface IScheduledJob;

/// <summary>
/// When the recurring jobs run, read once at composition by the Host and by the Worker (both register the same
/// schedules: Wolverine's recurring agent may be placed on any node of the cluster).
/// </summary>
public sealed record JobSchedule(TimeOnly TransmissionTime)
{
    public const string TransmissionTimeKey = "Worker:TransmissionTime";

    public static readonly TimeOnly DefaultTransmissionTime = new(1, 0);

    private static readonly string[] Formats = ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss"];

    /// <summary>
    /// Reads Worker:TransmissionTime (HH:mm, Europe/Paris; HH:mm:ss is accepted for tests). Missing means 01:00; anything
    /// else refuses to start, naming the key: a typo must not move the nightly run silently.
    /// </summary>
    public static JobSchedule FromConfiguration(IConfiguration configuration)
    {
        var value = configuration[TransmissionTimeKey];
        if (string.IsNullOrWhiteSpace(value)) return new JobSchedule(DefaultTransmissionTime);
        if (TimeOnly.TryParseExact(value.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)) return new JobSchedule(at);
        throw Settings.Refuse<JobSchedule>(TransmissionTimeKey, value, "a time of day HH:mm in Europe/Paris, such as 01:00");
    }

    /// <summary>
    /// Every day at <paramref name="at"/> in Paris. Cronos (inside Wolverine's CronSchedule) handles daylight saving: a
    /// time skipped in spring fires at the moment the clocks jump (03:00), a time repeated in autumn fires once.
    /// </summary>
    public static CronSchedule DailyInParis(TimeOnly at) => new(
        at.Second == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{at.Minute} {at.Hour} * * *")
            : string.Create(CultureInfo.InvariantCulture, $"{at.Second} {at.Minute} {at.Hour} * * *"),
        ParisTime.Zone);
}
