namespace PortailFamille.Bench;

/// <summary>
/// Entry point. Not a top-level program: the Host's top-level <c>Program</c> is public (.NET 10) and a
/// second global <c>Program</c> here would hide it from WebApplicationFactory (CS0436).
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        BenchOptions options;
        try
        {
            if (args.Contains("--help") || args.Contains("-h"))
            {
                Console.WriteLine(BenchOptions.Usage);
                return 0;
            }

            options = BenchOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        var report = await BenchRunner.RunAsync(options, Console.Error, cancel.Token);
        Console.WriteLine(report.Table());
        if (options.JsonPath is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, report.ToJson());
            Console.WriteLine($"JSON written to {path}");
        }

        // A broken invariant (overbooking, a line transmitted twice or not at all) fails the run.
        return report.InvariantsHold ? 0 : 1;
    }
}
