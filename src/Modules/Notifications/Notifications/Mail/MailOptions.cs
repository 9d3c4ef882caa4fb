using MimeKit;
using PortailFamille.BuildingBlocks.Configuration;

namespace PortailFamille.Notifications.Mail;

/// <summary>
/// Configuration section "Mail". With Mail:Smtp:Host set, mails go to that SMTP server; without it
/// (the embedded default) each mail is written as an .eml file into Mail:PickupDirectory
/// (default: data/mails at the repository root, so the Host's /dev/courriels page sees what the Worker wrote).
/// </summary>
internal sealed class MailOptions
{
    public const string Section = "Mail";
    public const string DefaultFrom = "Portail Famille <ne-pas-repondre@portail-famille.local>";

    /// <summary>Sender address, "Name &lt;address&gt;" or a bare address.</summary>
    public string From { get; set; } = DefaultFrom;

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Mail:Delivery, the outbox's delivery loop in the Worker.</summary>
    public DeliverySettings Delivery { get; set; } = new();

    /// <summary>Where .eml files go when no SMTP host is configured.</summary>
    public string? PickupDirectory { get; set; }

    public static readonly SettingRules<MailOptions> Rules = new SettingRules<MailOptions>()
        .Require("Mail:From", o => o.From, from => MailboxAddress.TryParse(from, out _), "an address, « Name <address> » or a bare address")
        .Require("Mail:Smtp:Port", o => o.Smtp.Port, port => port is > 0 and <= 65535, "a port between 1 and 65535")
        .Require("Mail:Smtp:TimeoutSeconds", o => o.Smtp.TimeoutSeconds, s => s > 0, "a whole number of seconds above 0")
        .Require("Mail:Delivery:PollSeconds", o => o.Delivery.PollSeconds, s => s > 0, "a number of seconds above 0")
        .Require("Mail:Delivery:LeaseSeconds", o => o.Delivery.LeaseSeconds, s => s > 0, "a number of seconds above 0")
        .Require("Mail:Delivery:FirstRetrySeconds", o => o.Delivery.FirstRetrySeconds, s => s > 0, "a number of seconds above 0")
        .Require("Mail:Delivery:MaxRetryMinutes", o => o.Delivery.MaxRetryMinutes, m => m > 0, "a number of minutes above 0")
        .Require("Mail:Delivery:GiveUpAfterHours", o => o.Delivery.GiveUpAfterHours, h => h > 0, "a number of hours above 0")
        .Require("Mail:Delivery:BatchSize", o => o.Delivery.BatchSize, n => n > 0, "a whole number above 0");

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    public MailboxAddress FromAddress => MailboxAddress.Parse(From);

    /// <summary>data/mails under the repository root when run from a checkout (Host and Worker share it), else beside the binaries.</summary>
    public static string DefaultPickupDirectory() =>
        Path.Combine(FindRepositoryRoot() ?? AppContext.BaseDirectory, "data", "mails");

    public string ResolvedPickupDirectory() =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(PickupDirectory) ? DefaultPickupDirectory() : PickupDirectory);

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PortailFamille.sln"))) return dir.FullName;
        }
        return null;
    }
}

/// <summary>Mail:Smtp.</summary>
internal sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// <summary>Requires STARTTLS; false sends in clear (a local relay or a test server).</summary>
    public bool UseStartTls { get; set; }
    /// <summary>Authentication happens only when a user name is set.</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>Longest wait for one SMTP command or reply; must stay well below Mail:Delivery:LeaseSeconds.</summary>
    public int TimeoutSeconds { get; set; } = 60;
    /// <summary>The name given in EHLO; empty lets MailKit use the machine's name (some relays want a real domain).</summary>
    public string? LocalDomain { get; set; }
}

/// <summary>Mail:Delivery. Failed sends are retried after FirstRetrySeconds, doubling up to MaxRetryMinutes, for GiveUpAfterHours.</summary>
internal sealed class DeliverySettings
{
    /// <summary>How often an idle Worker looks for due mails (a mail queued by the same process wakes it at once).</summary>
    public double PollSeconds { get; set; } = 5;
    /// <summary>How long a Worker owns a mail it is sending; a Worker that dies keeps it that long, then another one sends it.</summary>
    public double LeaseSeconds { get; set; } = 300;
    public double FirstRetrySeconds { get; set; } = 30;
    public double MaxRetryMinutes { get; set; } = 60;
    /// <summary>After this long without success the mail is marked abandoned (and logged as an error), never dropped silently.</summary>
    public double GiveUpAfterHours { get; set; } = 72;
    public int BatchSize { get; set; } = 20;

    public TimeSpan Poll => TimeSpan.FromSeconds(PollSeconds);
    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
    public TimeSpan FirstRetry => TimeSpan.FromSeconds(FirstRetrySeconds);
    public TimeSpan MaxRetry => TimeSpan.FromMinutes(MaxRetryMinutes);
    public TimeSpan GiveUpAfter => TimeSpan.FromHours(GiveUpAfterHours);
}
