using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PortailFamille.Worker;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace PortailFamille.Integration.Tests;

/// <summary>The Host (in-memory test server) and a Worker host in the same process, on one real database.</summary>
public abstract partial class PortalApp : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;
    private IHost? _worker;

    public abstract string Provider { get; }

    public string ConnectionString { get; private set; } = "";

    public string DocumentsRoot { get; } = Path.Combine(Path.GetTempPath(), "pf-documents-" + Guid.NewGuid().ToString("N"));

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not started");

    public IServiceProvider HostServices => Factory.Services;

    /// <summary>The in-process Worker (when <see cref="RunsWorkerInProcess"/>).</summary>
    public IHost Worker => _worker ?? throw new InvalidOperationException("No Worker in this process");

    protected abstract Task<string> CreateDatabaseAsync();

    /// <summary>Settings a fixture adds (SMTP server, limits…), applied to the Host and the Worker.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [];

    /// <summary>Replaces Host services (e.g. the clock) after the Host's own registrations.</summary>
    protected virtual void ConfigureHostServices(IServiceCollection services)
    {
    }

    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    /// <summary>The Host's environment: "Testing", unless a fixture checks what Production or a developer's machine (Development) answers.</summary>
    protected virtual string HostEnvironment => "Testing";

    /// <summary>False when the test starts real Worker processes of its own.</summary>
    protected virtual bool RunsWorkerInProcess => true;

    public async Task InitializeAsync()
    {
        await BeforeStartAsync();
        ConnectionString = await CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider,
            ["Database:ConnectionString"] = ConnectionString,
            ["Demo:SeedData"] = "true",
            // Every test signs in from the same (test server) address: the per-address limit has its own test.
            ["RateLimiting:AuthPermitsPerMinute"] = "100000",
            // Without an SMTP server, mails go to a pickup folder: a temporary one, not the repository's data/.
            ["Mail:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "pf-mails-" + Guid.NewGuid().ToString("N")),
            // Supporting documents of the scenarios: a temporary folder too.
            ["Documents:Root"] = DocumentsRoot,
            // The test server speaks plain http: Secure cookies only for https requests (Production's default is Always).
            ["Security:CookieSecurePolicy"] = "SameAsRequest",
        };
        foreach (var (key, value) in ExtraSettings()) settings[key] = value;
        _settings = settings;

        _factory = NewHost();
        _ = _factory.Server; // start: migrations and demo data

        if (!RunsWorkerInProcess) return;
        _worker = WorkerApp.Build([], config => config.AddInMemoryCollection(settings));
        await WorkerApp.PrepareAsync(_worker);
        await _worker.StartAsync();
    }

    private Dictionary<string, string?> _settings = [];

    /// <summary>The Host's settings (database, mail, limits…), for Worker processes started by a test.</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    /// <summary>Another Host instance on the same database (as behind a load balancer); the caller disposes it.</summary>
    public WebApplicationFactory<Program> NewHost() => new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
    {
        foreach (var (key, value) in _settings) web.UseSetting(key, value);
        web.UseEnvironment(HostEnvironment);
        web.ConfigureTestServices(ConfigureHostServices);
    });

    public virtual async Task DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.StopAsync();
            _worker.Dispose();
        }

        if (_factory is not null) await _factory.DisposeAsync();
    }

    public HttpClient NewClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real form (antiforgery token included), as a browser would.</summary>
    public async Task<HttpClient> SignedInClientAsync(string identifier, string password)
    {
        var client = NewClient();
        var response = await client.PostAsync("/connexion", await SignInFormAsync(client, identifier, password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<FormUrlEncodedContent> SignInFormAsync(HttpClient client, string identifier, string password)
    {
        var page = await client.GetStringAsync("/connexion");
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, "the sign-in page carries an antiforgery token");
        return new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "connexion",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.Identifier"] = identifier,
            ["Input.Password"] = password,
        });
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

public class SqlitePortalApp : PortalApp
{
    private string? _directory;

    public override string Provider => "Sqlite";

    protected override Task<string> CreateDatabaseAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "pf-sqlite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        return Task.FromResult($"Data Source={Path.Combine(_directory, "portail.db")}");
    }
}

public sealed class PostgresPortalApp : PortalApp
{
    public override string Provider => "Postgres";

    protected override Task<string> CreateDatabaseAsync() => PostgresServer.CreateDatabaseAsync("pf_it");
}
