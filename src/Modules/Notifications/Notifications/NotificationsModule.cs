using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using PortailFamille.BuildingBlocks.Configuration;
using PortailFamille.BuildingBlocks.Modules;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.Notifications.Mail;
using PortailFamille.Notifications.Persistence;

namespace PortailFamille.Notifications;

/// <summary>Registration entry point of the Notifications module (news, templates, e-mail outbox).</summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services, DatabaseOptions database, IConfiguration configuration)
    {
        services.AddModuleDbContext<NotificationsDbContext, SqliteNotificationsDbContext, PostgresNotificationsDbContext>(database, NotificationsDbContext.Module);
        services.AddModuleServices(typeof(NotificationsModule).Assembly);

        services.AddOptions<MailOptions>().BindValidated(MailOptions.Section, MailOptions.Rules, configuration);
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<PickupDirectoryMailTransport>();
        // Chosen when first resolved, so configuration added by a test host before start is honoured.
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.UsesSmtp
            ? sp.GetRequiredService<SmtpMailTransport>()
            : sp.GetRequiredService<PickupDirectoryMailTransport>());
        // Mail features queue into the durable outbox; only a process running the delivery loop sends.
        services.AddSingleton<MailOutboxSignal>();
        services.AddScoped<IMailSender, MailOutbox>();
        services.AddScoped<MailDelivery>();
        return services;
    }

    /// <summary>Runs the outbox's delivery loop in this process (the Worker; any number of Workers may run it).</summary>
    public static IServiceCollection AddMailDelivery(this IServiceCollection services)
    {
        services.AddHostedService<MailDeliveryLoop>();
        return services;
    }
}
