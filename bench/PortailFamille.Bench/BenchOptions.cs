using System.Globalization;

namespace PortailFamille.Bench;

public enum BenchDatabase
{
    Sqlite,
    Postgres,
}

/// <summary>Command-line options; <see cref="Smoke"/> gives a tiny data set and a few seconds per scenario.</summary>
public sealed record BenchOptions
{
    public IReadOnlyList<BenchDatabase> Databases { get; init; } = [BenchDatabase.Sqlite, BenchDatabase.Postgres];
    public int Children { get; init; } = 100_000;
    public int Families { get; init; } = 60_000;
    public int Schools { get; init; } = 40;
    public int Parents { get; init; } = 200;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);
    public int OpeningFamilies { get; init; } = 5_000;
    public TimeSpan Ramp { get; init; } = TimeSpan.FromSeconds(60);
    public int NightlyLines { get; init; } = 1_000_000;
    public int CalendarSamples { get; init; } = 400;
    /// <summary>Longest a parent waits for one answer before it counts as a failure.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public bool Smoke { get; init; }
    public string? JsonPath { get; init; }
    /// <summary>A PostgreSQL server to use instead of a private cluster (connection string of a user that may create databases).</summary>
    public string? PostgresAdmin { get; init; }
    /// <summary>Scenarios to run (all when empty): rush, booking (signed-in rush), opening, opening-kept (families already signed in), baseline, calendar, nightly, adversarial.</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();
    public int Seed { get; init; } = 20_260_101;
    /// <summary>How long the adversarial history checker runs per database (histories of a minute each).</summary>
    public TimeSpan AdversarialDuration { get; init; } = TimeSpan.FromSeconds(120);
    public int AdversarialFamilies { get; init; } = 10;

    private static readonly HashSet<string> CityScenarios = ["rush", "booking", "opening", "opening-kept", "baseline", "calendar", "nightly"];

    /// <summary>The scenarios on the generated city (every one but the adversarial histories, which run on a demo database of their own).</summary>
    public bool RunsCity => Only.Count == 0 || Only.Overlaps(CityScenarios);

    /// <summary>The adversarial histories: asked for, or part of a full (non-smoke) run.</summary>
    public bool RunsAdversarial => Only.Contains("adversarial") || (Only.Count == 0 && !Smoke);

    public bool Runs(string scenario) => Only.Count == 0 || Only.Contains(scenario);

    public static BenchOptions SmokeDefaults => new()
    {
        Smoke = true,
        Children = 300,
        Families = 180,
        Schools = 4,
        Parents = 6,
        Duration = TimeSpan.FromSeconds(3),
        OpeningFamilies = 30,
        Ramp = TimeSpan.FromSeconds(2),
        NightlyLines = 2_000,
        CalendarSamples = 20,
    };

    public const string Usage = """
        dotnet run -c Release --project bench/PortailFamille.Bench -- [options]
          --db sqlite|postgres|both   databases to run on (default both)
          --children N                children (default 100000)
          --families N                family accounts (default 60000)
          --schools N                 schools (default 40)
          --parents N                 concurrent parents in the rush (default 200)
          --duration S                rush duration in seconds (default 60)
          --opening-families N        families arriving when the period opens (default 5000)
          --ramp S                    seconds over which they arrive (default 60)
          --nightly-lines N           pending lines for the nightly transmission (default 1000000)
          --calendar-samples N        calendar requests measured (default 400)
          --only a,b                  scenarios: rush, booking, opening, opening-kept, baseline, calendar, nightly, adversarial (default all)
          --adversarial-seconds S     adversarial histories per database, in seconds (default 120; histories of 60 s)
          --adversarial-families N    families of each history, 3 sessions each (default 10)
          --seed N                    first seed (histories use N, N+1, …; ADVERSARIAL_SEED replays one)
          --postgres CONNSTRING       use this server instead of a private initdb cluster
          --smoke                     tiny data, a few seconds (what the tests run)
          --json PATH                 also write the results as JSON
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--smoke") ? SmokeDefaults : new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value.");
            int Int() => int.Parse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture);
            TimeSpan Seconds() => TimeSpan.FromSeconds(double.Parse(Next(), NumberStyles.Float, CultureInfo.InvariantCulture));
            options = arg switch
            {
                "--smoke" => options,
                "--db" => options with
                {
                    Databases = Next().ToLowerInvariant() switch
                    {
                        "sqlite" => [BenchDatabase.Sqlite],
                        "postgres" or "postgresql" => [BenchDatabase.Postgres],
                        "both" => [BenchDatabase.Sqlite, BenchDatabase.Postgres],
                        var other => throw new ArgumentException($"--db {other}: use sqlite, postgres or both."),
                    },
                },
                "--children" => options with { Children = Int() },
                "--families" => options with { Families = Int() },
                "--schools" => options with { Schools = Int() },
                "--parents" => options with { Parents = Int() },
                "--duration" => options with { Duration = Seconds() },
                "--opening-families" => options with { OpeningFamilies = Int() },
                "--ramp" => options with { Ramp = Seconds() },
                "--nightly-lines" => options with { NightlyLines = Int() },
                "--calendar-samples" => options with { CalendarSamples = Int() },
                "--only" => options with { Only = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet() },
                "--postgres" => options with { PostgresAdmin = Next() },
                "--json" => options with { JsonPath = Next() },
                "--seed" => options with { Seed = Int() },
                "--adversarial-seconds" => options with { AdversarialDuration = Seconds() },
                "--adversarial-families" => options with { AdversarialFamilies = Int() },
                _ => throw new ArgumentException($"Unknown option {arg}.\n{Usage}"),
            };
        }

        if (options.Families < 1 || options.Children < options.Families)
            throw new ArgumentException("Every family has at least one child: --children must be at least --families.");
        if (options.Schools < 1) throw new ArgumentException("--schools must be at least 1.");
        return options;
    }
}
