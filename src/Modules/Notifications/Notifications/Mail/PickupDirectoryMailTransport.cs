using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;

namespace PortailFamille.Notifications.Mail;

/// <summary>
/// The embedded default (no Mail:Smtp:Host): each message becomes an .eml file in the pickup directory,
/// named by UTC timestamp then message id, so names sort by age. Written to a temporary name then moved,
/// so a reader never sees half a file.
/// </summary>
internal sealed class PickupDirectoryMailTransport(IOptions<MailOptions> options, TimeProvider clock) : IMailTransport
{
    public const string Extension = ".eml";

    /// <summary>A folder needs no connection: the session only writes files.</summary>
    public Task<IMailSession> OpenAsync(CancellationToken cancellationToken) => Task.FromResult<IMailSession>(new Session(this));

    private sealed class Session(PickupDirectoryMailTransport transport) : IMailSession
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => transport.WriteAsync(message, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private async Task WriteAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var directory = options.Value.ResolvedPickupDirectory();
        Directory.CreateDirectory(directory);

        var id = string.IsNullOrWhiteSpace(message.MessageId) ? Guid.NewGuid().ToString("N") : message.MessageId;
        var name = $"{clock.GetUtcNow():yyyyMMdd'T'HHmmssfff'Z'}-{SafeFileName(id)}";
        var path = Path.Combine(directory, name + Extension);
        for (var n = 2; File.Exists(path); n++)
            path = Path.Combine(directory, $"{name}-{n}{Extension}");

        // As an SMTP client would: declare each part's transfer encoding; 8bit up to RFC 5322's 998-character lines keeps the file readable.
        message.Prepare(EncodingConstraint.EightBit, maxLineLength: 998);

        var temporary = Path.Combine(directory, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = File.Create(temporary))
            {
                await message.WriteToAsync(stream, cancellationToken);
            }
            File.Move(temporary, path);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static string SafeFileName(string value)
    {
        var safe = new StringBuilder(value.Length);
        foreach (var c in value)
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        return safe.Length > 120 ? safe.ToString(0, 120) : safe.ToString();
    }
}
