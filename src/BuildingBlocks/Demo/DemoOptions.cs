using Microsoft.Extensions.Configuration;
using PortailFamille.BuildingBlocks.Configuration;

namespace PortailFamille.BuildingBlocks.Demo;

/// <summary>Demo:SeedData: seed the demo town once (true in appsettings.Development.json, false otherwise).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool SeedData { get; set; }

    public static DemoOptions FromConfiguration(IConfiguration configuration) => Settings.Read<DemoOptions>(configuration, Section);
}
