using Microsoft.Extensions.Configuration;
using PortailFamille.BuildingBlocks.Configuration;

namespace PortailFamille.BuildingBlocks.Messaging;

/// <summary>Messaging: the heartbeat of each process (read at composition: Wolverine's options are set before the container exists).</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Wolverine's own defaults (10 s, 1 min): the README's, and a test keeps them equal.</summary>
    public double HealthCheckSeconds { get; set; } = 10;

    public double StaleNodeSeconds { get; set; } = 60;

    public static readonly SettingRules<MessagingOptions> Rules = new SettingRules<MessagingOptions>()
        .Require("Messaging:HealthCheckSeconds", o => o.HealthCheckSeconds, s => s > 0, "a number of seconds above 0")
        // A node silent for less than one heartbeat would be declared dead while alive.
        .Check("Messaging:StaleNodeSeconds", o => o.StaleNodeSeconds, o => o.StaleNodeSeconds > o.HealthCheckSeconds,
            "a number of seconds above Messaging:HealthCheckSeconds");

    public static MessagingOptions FromConfiguration(IConfiguration configuration) => Settings.Read(configuration, Section, Rules);
}
