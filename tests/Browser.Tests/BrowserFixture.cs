using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: PortailFamille.Browser.Tests.NoPolicyViolation]

namespace PortailFamille.Browser.Tests;

/// <summary>
/// The real Host on Kestrel (127.0.0.1, free port, fresh SQLite file with the demo data) and Debian's
/// Chromium driven by Playwright. Never downloads a browser: /usr/bin/chromium must be installed.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;
    private string? _directory;

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Where screenshots go, for a person to look at what a parent sees.</summary>
    public string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        const string chromium = "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"{chromium} is missing: apt-get install -y chromium (.ci/run does it).");

        _directory = Path.Combine(Path.GetTempPath(), "pf-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        Directory.CreateDirectory(ScreenshotDirectory);

        var port = FreePort();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            // Without explicit URLs, Kestrel also binds the default localhost:5000, busy when a portal runs on the machine.
            web.UseSetting("urls", $"http://127.0.0.1:{port}");
            web.UseSetting("Database:Provider", "Sqlite");
            web.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_directory, "portail.db")}");
            web.UseSetting("Demo:SeedData", "true");
            web.UseSetting("Sessions:CircuitRevalidationSeconds", "1"); // an open circuit learns of a revoked session at once
            web.UseSetting("Security:CookieSecurePolicy", "SameAsRequest"); // Kestrel on plain http here
            web.UseEnvironment("Testing");
            web.UseStaticWebAssets(); // blazor.web.js and Radzen's _content outside Development
        });
        _factory.UseKestrel(port); // UseKestrel(0) falls back to the default port 5000
        _factory.StartServer();
        BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task<IPage> NewPageAsync(bool phone)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "fr-FR",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        page.Console += (_, message) =>
        {
            lock (ConsoleMessages) ConsoleMessages.Add($"[{message.Type}] {message.Text}");
            if (!IsPolicyViolation(message.Text)) return;
            lock (PolicyViolations) PolicyViolations.Add($"{page.Url}: {message.Text}");
            ViolationsOfTheRunningTest.Enqueue($"{page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => { lock (ConsoleMessages) ConsoleMessages.Add($"[pageerror] {error}"); };
        return page;
    }

    /// <summary>What the pages wrote to their console: shown when a step times out.</summary>
    public List<string> ConsoleMessages { get; } = [];

    /// <summary>
    /// What Chromium refused under the Content-Security-Policy (or a Permissions-Policy it could not read), on any page
    /// of the fixture; never cleared.
    /// </summary>
    public List<string> PolicyViolations { get; } = [];

    /// <summary>The same, for <see cref="NoPolicyViolationAttribute"/>: emptied after each test (tests run one at a time).</summary>
    internal static readonly System.Collections.Concurrent.ConcurrentQueue<string> ViolationsOfTheRunningTest = new();

    private static bool IsPolicyViolation(string text) =>
        text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
        || text.Contains("Refused to", StringComparison.Ordinal)
        || text.Contains("Permissions-Policy", StringComparison.Ordinal);

    /// <summary>Runs a browser step; on failure, keeps a screenshot and the console in the error.</summary>
    public async Task StepAsync(IPage page, string name, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex) when (ex is TimeoutException or PlaywrightException)
        {
            var shot = Path.Combine(ScreenshotDirectory, $"failed-{name}.png");
            await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
            string console;
            lock (ConsoleMessages) console = string.Join(Environment.NewLine, ConsoleMessages.TakeLast(30));
            throw new InvalidOperationException($"Step '{name}' failed on {page.Url} (screenshot {shot}). Console:{Environment.NewLine}{console}", ex);
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
    }
}

/// <summary>
/// Every browser test, whatever it checks, also fails when a page it opened broke the Content-Security-Policy
/// (an inline script or handler, a websocket or a form target the policy does not allow).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class NoPolicyViolationAttribute : Xunit.Sdk.BeforeAfterTestAttribute
{
    public override void After(System.Reflection.MethodInfo methodUnderTest)
    {
        var violations = new List<string>();
        while (BrowserFixture.ViolationsOfTheRunningTest.TryDequeue(out var violation)) violations.Add(violation);
        if (violations.Count > 0)
            throw new InvalidOperationException("The browser refused under the security policies:" + Environment.NewLine + string.Join(Environment.NewLine, violations));
    }
}
