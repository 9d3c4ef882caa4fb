using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.Notifications.Mail;

namespace PortailFamille.Notifications.Tests;

public sealed class NotificationsModuleTests
{
    [Fact]
    public void Writes_mails_to_the_pickup_directory_when_no_smtp_host_is_configured()
    {
        using var services = Build([]);

        Assert.IsType<PickupDirectoryMailTransport>(services.GetRequiredService<IMailTransport>());
        using (var scope = services.CreateScope()) Assert.IsType<MailOutbox>(scope.ServiceProvider.GetRequiredService<IMailSender>());
        var options = services.GetRequiredService<IOptions<MailOptions>>().Value;
        Assert.Equal(MailOptions.DefaultFrom, options.From);
        Assert.Equal(25, options.Smtp.Port);
        Assert.False(options.Smtp.UseStartTls);
    }

    [Fact]
    public void Sends_through_smtp_with_the_configured_settings_when_a_host_is_set()
    {
        using var services = Build(new()
        {
            ["Mail:From"] = "Mairie <mairie@example.fr>",
            ["Mail:Smtp:Host"] = "smtp.example.fr",
            ["Mail:Smtp:Port"] = "587",
            ["Mail:Smtp:UseStartTls"] = "true",
            ["Mail:Smtp:UserName"] = "portail",
            ["Mail:Smtp:Password"] = "secret",
        });

        Assert.IsType<SmtpMailTransport>(services.GetRequiredService<IMailTransport>());
        var options = services.GetRequiredService<IOptions<MailOptions>>().Value;
        Assert.Equal("mairie@example.fr", options.FromAddress.Address);
        Assert.Equal(("smtp.example.fr", 587, true, "portail", "secret"),
            (options.Smtp.Host, options.Smtp.Port, options.Smtp.UseStartTls, options.Smtp.UserName, options.Smtp.Password));
    }

    [Fact]
    public void Refuses_an_invalid_sender_address()
    {
        using var services = Build(new() { ["Mail:From"] = "pas une adresse <" });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MailOptions>>().Value);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddNotificationsModule(new DatabaseOptions(DatabaseProvider.Sqlite, "Data Source=:memory:"), configuration);
        return services.BuildServiceProvider();
    }
}
