using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace PortailFamille.Integration.Tests;

/// <summary>
/// The portal with a real SMTP server in the test process (the Worker delivers to it) and a clock the
/// tests move (48-hour links, 15-minute lock-outs). The Worker keeps the real clock.
/// </summary>
public sealed class AccountsApp : SqlitePortalApp
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public TestSmtpServer Smtp { get; private set; } = default!;

    protected override async Task BeforeStartAsync() => Smtp = await TestSmtpServer.StartAsync();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
    [
        new("Mail:Smtp:Host", Smtp.Host),
        new("Mail:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Portal:PublicUrl", "https://portail.exemple.fr"),
    ];

    protected override void ConfigureHostServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>The portal with a tight per-address limit on sign-in posts.</summary>
public sealed class RateLimitedApp : SqlitePortalApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("RateLimiting:AuthPermitsPerMinute", "3")];
}
