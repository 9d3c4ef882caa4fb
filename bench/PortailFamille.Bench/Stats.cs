using System.Collections.Concurrent;

namespace PortailFamille.Bench;

/// <summary>Latencies (ms) and error counts of each step of the parents' journey.</summary>
internal sealed class StepRecorder
{
    private readonly ConcurrentDictionary<string, List<double>> _latencies = new();
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private readonly ConcurrentDictionary<string, int> _counters = new();
    private readonly ConcurrentQueue<string> _samples = new();

    public void Record(string step, double ms)
    {
        var list = _latencies.GetOrAdd(step, _ => []);
        lock (list) list.Add(ms);
    }

    public void Error(string step, string what)
    {
        _errors.AddOrUpdate(step, 1, (_, n) => n + 1);
        if (_samples.Count < 20) _samples.Enqueue($"{step}: {what}");
    }

    public void Count(string counter, int by = 1) => _counters.AddOrUpdate(counter, by, (_, n) => n + by);

    public int Counter(string counter) => _counters.GetValueOrDefault(counter);

    public int Errors => _errors.Values.Sum();

    public IReadOnlyDictionary<string, int> ErrorsByStep => _errors;

    public IReadOnlyList<string> ErrorSamples => [.. _samples];

    public IEnumerable<string> Steps => _latencies.Keys;

    public Percentiles Of(string step)
    {
        if (!_latencies.TryGetValue(step, out var list)) return Percentiles.Empty;
        double[] copy;
        lock (list) copy = [.. list];
        return Percentiles.From(copy);
    }
}

internal sealed record Percentiles(int Count, double P50, double P95, double P99, double Max)
{
    public static readonly Percentiles Empty = new(0, 0, 0, 0, 0);

    public static Percentiles From(double[] values)
    {
        if (values.Length == 0) return Empty;
        Array.Sort(values);
        double At(double q) => values[Math.Min(values.Length - 1, (int)Math.Ceiling(q * values.Length) - 1)];
        return new Percentiles(values.Length, At(0.50), At(0.95), At(0.99), values[^1]);
    }
}
