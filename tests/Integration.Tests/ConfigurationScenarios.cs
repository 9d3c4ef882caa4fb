using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PortailFamille.Billing.Payments;
using PortailFamille.BuildingBlocks.Configuration;
using PortailFamille.Composition;
using PortailFamille.Dossier.Features;
using PortailFamille.Host.Composition;
using PortailFamille.Notifications.Mail;
using PortailFamille.Reservations;
using PortailFamille.Worker;

namespace PortailFamille.Integration.Tests;

/// <summary>Every setting is checked at start: a typo stops the Host and the Worker, naming its key and its value (README, Configuration).</summary>
public sealed class ConfigurationScenarios : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pf-config-" + Guid.NewGuid().ToString("N"));

    public ConfigurationScenarios() => Directory.CreateDirectory(_directory);

    /// <summary>Keys both processes read.</summary>
    public static TheoryData<string, string> SharedBadValues => new()
    {
        { "Reservations:RulesCacheSeconds", "cinq" },
        { "Reservations:RulesCacheSeconds", "-1" },
        { "Messaging:HealthCheckSeconds", "10s" },
        { "Messaging:HealthCheckSeconds", "0" },
        { "Messaging:StaleNodeSeconds", "5" }, // below the 10 s heartbeat
        { "Portal:PublicUrl", "portail.ville.fr" },
        { "Portal:PublicUrl", "ftp://portail.ville.fr" },
        { "Dossier:RetentionMonths", "3 ans" },
        { "Dossier:RetentionMonths", "0" },
        { "Mail:Delivery:PollSeconds", "5,5" },
        { "Mail:Delivery:LeaseSeconds", "-300" },
        { "Mail:Delivery:FirstRetrySeconds", "0" },
        { "Mail:Delivery:MaxRetryMinutes", "une heure" },
        { "Mail:Delivery:GiveUpAfterHours", "0" },
        { "Mail:Delivery:BatchSize", "vingt" },
        { "Mail:Smtp:Port", "70000" },
        { "Mail:Smtp:TimeoutSeconds", "60s" },
        { "Mail:Smtp:UseStartTls", "oui" },
        { "Database:Provider", "SqlServer" },
        { "Demo:SeedData", "oui" },
        { "Payments:TestGateway:Enabled", "non" },
        { "Worker:TransmissionTime", "1h30" },
    };

    /// <summary>Keys only the Host reads.</summary>
    public static TheoryData<string, string> HostBadValues => new()
    {
        { "RateLimiting:AuthPermitsPerMinute", "vingt" },
        { "RateLimiting:AuthPermitsPerMinute", "0" },
        { "Sessions:CircuitRevalidationSeconds", "1m" },
        { "Sessions:CircuitRevalidationSeconds", "0" },
    };

    [Theory]
    [MemberData(nameof(SharedBadValues))]
    [MemberData(nameof(HostBadValues))]
    public void The_host_refuses_to_start_with_a_bad_value_naming_its_key_and_value(string key, string value)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (k, v) in Settings()) web.UseSetting(k, v);
            web.UseSetting(key, value);
            web.UseEnvironment("Testing");
        });

        var error = Record.Exception(() => factory.Server);

        Assert.NotNull(error);
        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains($"{key} is \"{value}\"", messages, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SharedBadValues))]
    public void The_worker_refuses_to_start_with_a_bad_value_naming_its_key_and_value(string key, string value)
    {
        var error = Record.Exception(() =>
        {
            using var worker = WorkerApp.Build([], c => c.AddInMemoryCollection(new Dictionary<string, string?>(Settings()) { [key] = value }));
            // What the host runs first when it starts: every options class registered with ValidateOnStart.
            worker.Services.GetRequiredService<IStartupValidator>().Validate();
        });

        Assert.NotNull(error);
        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains($"{key} is \"{value}\"", messages, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_settings_the_defaults_are_the_readmes()
    {
        using var worker = WorkerApp.Build([], c => c.AddInMemoryCollection(Settings()));
        var services = worker.Services;
        services.GetRequiredService<IStartupValidator>().Validate();

        var settings = services.GetRequiredService<PortailSettings>();
        Assert.Equal(BuildingBlocks.Persistence.DatabaseProvider.Sqlite, settings.Database.Provider);
        Assert.False(settings.Demo.SeedData);
        Assert.Equal("http://localhost:5000", settings.Portal.PublicUrl);
        Assert.Equal(new TimeOnly(1, 0), settings.Jobs.TransmissionTime);
        Assert.Equal((10d, 60d), (settings.Messaging.HealthCheckSeconds, settings.Messaging.StaleNodeSeconds));
        // Applied to Wolverine every time now: the same as Wolverine's own defaults, which applied before when nothing was set.
        var wolverine = new Wolverine.WolverineOptions().Durability;
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60)), (wolverine.HealthCheckPollingTime, wolverine.StaleNodeTimeout));

        Assert.Equal(5, services.GetRequiredService<IOptions<ReservationsOptions>>().Value.RulesCacheSeconds);
        Assert.Equal(36, services.GetRequiredService<RetentionOptions>().Months);
        var mail = services.GetRequiredService<IOptions<MailOptions>>().Value;
        Assert.Equal("Portail Famille <ne-pas-repondre@portail-famille.local>", mail.From);
        Assert.Equal((null, 25, false, 60), (mail.Smtp.Host, mail.Smtp.Port, mail.Smtp.UseStartTls, mail.Smtp.TimeoutSeconds));
        Assert.Equal((5d, 300d, 30d, 60d, 72d), (mail.Delivery.PollSeconds, mail.Delivery.LeaseSeconds, mail.Delivery.FirstRetrySeconds,
            mail.Delivery.MaxRetryMinutes, mail.Delivery.GiveUpAfterHours));

        var empty = new ConfigurationBuilder().Build();
        Assert.Equal(20, BuildingBlocks.Configuration.Settings.Read(empty, RateLimitingOptions.Section, RateLimitingOptions.Rules).AuthPermitsPerMinute);
        Assert.Equal(60, BuildingBlocks.Configuration.Settings.Read(empty, SessionsOptions.Section, SessionsOptions.Rules).CircuitRevalidationSeconds);
    }

    [Theory]
    [InlineData("Production", null, false)]
    [InlineData("Production", "true", true)]
    [InlineData("Development", null, true)]
    [InlineData("Testing", null, true)]
    [InlineData("Testing", "false", false)]
    public void The_test_gateway_is_off_in_production_unless_set(string environment, string? enabled, bool expected)
    {
        var settings = new Dictionary<string, string?>(Settings());
        if (enabled is not null) settings["Payments:TestGateway:Enabled"] = enabled;
        using var worker = WorkerApp.Build(["--environment", environment], c => c.AddInMemoryCollection(settings));

        Assert.Equal(environment, worker.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);
        Assert.Equal(expected, worker.Services.GetRequiredService<IOptions<PaymentOptions>>().Value.TestGateway.Enabled);
    }

    private IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Database:Provider", "Sqlite"),
        new("Database:ConnectionString", $"Data Source={Path.Combine(_directory, "portail.db")}"),
        new("Mail:PickupDirectory", Path.Combine(_directory, "mails")),
        new("Documents:Root", Path.Combine(_directory, "documents")),
    ];

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain)) yield return inner;
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
