using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PortailFamille.Bench;

public sealed record BenchRow(string Database, string Scenario, string Metric, double Value, string Unit);

public sealed record BenchInvariant(string Database, string AfterScenario, bool Holds, string Detail);

/// <summary>Everything a run measured: printed as a table, written as JSON for tracking over time.</summary>
public sealed class BenchReport
{
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
    public string Machine { get; } = $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    public List<string> Notes { get; } = [];
    public List<BenchRow> Rows { get; } = [];
    public List<BenchInvariant> Invariants { get; } = [];
    public Dictionary<string, object> Options { get; } = [];

    public bool InvariantsHold => Invariants.All(i => i.Holds);

    public void Add(string database, string scenario, string metric, double value, string unit) =>
        Rows.Add(new BenchRow(database, scenario, metric, Math.Round(value, 2), unit));

    public double Value(string database, string scenario, string metric) =>
        Rows.FirstOrDefault(r => r.Database == database && r.Scenario == scenario && r.Metric == metric)?.Value ?? double.NaN;

    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Portail Famille bench — {StartedAt:yyyy-MM-dd HH:mm} UTC — {Machine}");
        foreach (var note in Notes) text.AppendLine(CultureInfo.InvariantCulture, $"  note: {note}");
        var widths = new[] { 9, 10, 46, 12 };
        string Line(string a, string b, string c, string d, string e) =>
            $"| {a.PadRight(widths[0])} | {b.PadRight(widths[1])} | {c.PadRight(widths[2])} | {d.PadLeft(widths[3])} | {e}";
        text.AppendLine(Line("database", "scenario", "metric", "value", "unit"));
        text.AppendLine(Line(new string('-', widths[0]), new string('-', widths[1]), new string('-', widths[2]), new string('-', widths[3]), "----"));
        foreach (var row in Rows)
            text.AppendLine(Line(row.Database, row.Scenario, row.Metric, row.Value.ToString("0.##", CultureInfo.InvariantCulture), row.Unit));
        foreach (var check in Invariants)
            text.AppendLine(CultureInfo.InvariantCulture, $"invariant after {check.AfterScenario} on {check.Database}: {check.Detail}");
        text.AppendLine(InvariantsHold ? "capacity invariant: holds everywhere" : "capacity invariant: VIOLATED");
        return text.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        startedAt = StartedAt,
        machine = Machine,
        options = Options,
        notes = Notes,
        invariantsHold = InvariantsHold,
        invariants = Invariants,
        results = Rows,
    }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never });
}
