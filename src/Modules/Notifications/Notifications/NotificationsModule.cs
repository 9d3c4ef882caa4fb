using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
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

        services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection(MailOptions.Section))
            .Validate(o => MailboxAddress.TryParse(o.From, out _), "Mail:From is not a valid address.")
            .Validate(o => o.Smtp.Port is > 0 and <= 65535, "Mail:Smtp:Port must be between 1 and 65535.")
            .ValidateOnStart();
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<PickupDirectoryMailSender>();
        // Chosen when first resolved, so configuration added by a test host before start is honoured.
        services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.UsesSmtp
            ? sp.GetRequiredService<SmtpMailSender>()
            : sp.GetRequiredService<PickupDirectoryMailSender>());
        return services;
    }
}
