using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using PortailFamille.BuildingBlocks.Configuration;

namespace PortailFamille.Host.Composition;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies of ForwardedHeaders:KnownProxies (addresses)
/// and ForwardedHeaders:KnownNetworks (CIDR), so the rate limiter counts the real client and cookies see the real scheme.
/// Nothing configured: the headers are ignored, whoever sends them.
/// </summary>
internal static class ForwardedProxies
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";
    public const string KnownNetworksKey = "ForwardedHeaders:KnownNetworks";

    /// <summary>Reads and checks both lists now: a value that is not an address or a network stops the start, naming its key.</summary>
    public static IServiceCollection AddPortailForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Values(configuration, KnownProxiesKey).Select(v => ParseAddress(v.Key, v.Value)).ToList();
        var networks = Values(configuration, KnownNetworksKey).Select(v => ParseNetwork(v.Key, v.Value)).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET Core trusts loopback by default; here only what is configured.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
            // Each hop is checked against the lists, so a chain of known proxies (balancer, ingress) is walked back to the
            // first address that is not one of them.
            o.ForwardLimit = null;
        });
        return services;
    }

    /// <summary>First in the pipeline. Not added without proxies: with both lists empty the middleware would believe anyone.</summary>
    public static IApplicationBuilder UsePortailForwardedHeaders(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        return options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0 ? app : app.UseForwardedHeaders();
    }

    /// <summary>A list in configuration: children (KnownProxies:0, …) or one value separated by commas, semicolons or spaces.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        IEnumerable<(string Key, string? Value)> entries = [(section.Path, section.Value), .. section.GetChildren().Select(c => (c.Path, c.Value))];
        foreach (var (path, value) in entries)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            foreach (var item in value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                yield return new(path, item);
        }
    }

    private static IPAddress ParseAddress(string key, string text) =>
        TryParseAddress(text, out var address)
            ? address
            : throw Settings.Refuse<ForwardedHeadersOptions>(key, text, "an IP address such as 10.0.0.5 or fd00::5");

    private static System.Net.IPNetwork ParseNetwork(string key, string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && TryParseAddress(text[..slash], out _) && System.Net.IPNetwork.TryParse(text, out var network)) return network;
        throw Settings.Refuse<ForwardedHeadersOptions>(key, text, "a network in CIDR notation with its host bits at zero, such as 10.0.0.0/8 or fd00::/64");
    }

    /// <summary>IPAddress.TryParse also takes "10" or "10.0.1" (as 0.0.0.10, 10.0.0.1): an IPv4 address must have its four parts.</summary>
    private static bool TryParseAddress(string text, out IPAddress address) =>
        IPAddress.TryParse(text, out address!)
        && (address.AddressFamily != AddressFamily.InterNetwork || text.Count(c => c == '.') == 3);
}
