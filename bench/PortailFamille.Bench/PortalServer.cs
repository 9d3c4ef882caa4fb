using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PortailFamille.Bench;

/// <summary>
/// The real Host (src/Host Program and its composition) on Kestrel, 127.0.0.1, a free port. Differences
/// from a production start, all printed with the results: the per-address sign-in limit is lifted (every
/// simulated parent comes from 127.0.0.1), logs below Warning are off and go to stderr, no Worker runs
/// (integration events wait in Wolverine's durable queue, as when the Worker is behind).
/// </summary>
internal sealed class PortalServer : IAsyncDisposable
{
    public const string RateLimitNote = "sign-in limit per client address lifted (RateLimiting:AuthPermitsPerMinute=1000000000): every parent comes from 127.0.0.1";

    private readonly WebApplicationFactory<Program> _factory;

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _factory.Services;

    private PortalServer(WebApplicationFactory<Program> factory, Uri baseAddress)
    {
        _factory = factory;
        BaseAddress = baseAddress;
    }

    public static PortalServer Start(BenchDb db, string mailDirectory)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = db.Provider,
            ["Database:ConnectionString"] = db.ConnectionString,
            ["Demo:SeedData"] = "false",
            // Plain http on 127.0.0.1: a Secure cookie would never come back from the clients' cookie containers.
            ["Security:CookieSecurePolicy"] = "SameAsRequest",
            ["RateLimiting:AuthPermitsPerMinute"] = "1000000000",
            ["Mail:PickupDirectory"] = mailDirectory,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Wolverine"] = "Warning",
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:Console:LogToStandardErrorThreshold"] = "Trace",
        };
        var port = FreePort();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            // WebApplicationFactory.UseKestrel(port) alone still bound the default http://127.0.0.1:5000
            // (two runs at once collided): the address is given as the Host's own setting.
            web.UseSetting("urls", $"http://127.0.0.1:{port}");
            foreach (var (key, value) in settings) web.UseSetting(key, value);
            web.UseEnvironment("Production");
            web.UseContentRoot(HostContentRoot());
        });
        factory.UseKestrel();
        factory.StartServer(); // applies every module's migrations
        return new PortalServer(factory, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>src/Host of the repository the bench was built from (its appsettings.json), else the bench's own folder.</summary>
    internal static string HostContentRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var host = Path.Combine(dir.FullName, "src", "Host");
            if (File.Exists(Path.Combine(dir.FullName, "PortailFamille.sln")) && Directory.Exists(host)) return host;
        }

        return AppContext.BaseDirectory;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
