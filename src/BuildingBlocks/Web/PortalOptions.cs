using Microsoft.Extensions.Configuration;
using PortailFamille.BuildingBlocks.Configuration;

namespace PortailFamille.BuildingBlocks.Web;

/// <summary>
/// The portal's public address, used to build links in e-mails. Configured (Portal:PublicUrl), never
/// taken from the request's Host header, which a client controls.
/// </summary>
public sealed record PortalOptions(string PublicUrl)
{
    public const string PublicUrlKey = "Portal:PublicUrl";
    public const string DefaultPublicUrl = "http://localhost:5000";

    /// <summary>Missing means http://localhost:5000; anything but an absolute http(s) address refuses to start, naming the key.</summary>
    public static PortalOptions FromConfiguration(IConfiguration configuration)
    {
        var url = configuration[PublicUrlKey];
        if (string.IsNullOrWhiteSpace(url)) return new(DefaultPublicUrl);
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            throw Settings.Refuse<PortalOptions>(PublicUrlKey, url, "the portal's absolute http(s) address, such as https://portail.ville.fr");
        return new(url.Trim().TrimEnd('/'));
    }
}
