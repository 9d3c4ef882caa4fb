using Microsoft.Extensions.Hosting;

namespace PortailFamille.Worker;

public static class Program
{
    public static async Task Main(string[] args)
    {
        using var host = WorkerApp.Build(args);
        await WorkerApp.PrepareAsync(host);
        await host.RunAsync();
    }
}
