using Microsoft.Extensions.Configuration;

namespace PortailFamille.BuildingBlocks.Web;

/// <summary>
/// The portal's public address, used to build links in e-mails. Configured (Portal:PublicUrl), never
/// taken from the request's Host header, which a client controls.
/// </summary>
public sealed record PortalOptions(string PublicUrl)
{
    public static PortalOptions FromConfiguration(IConfiguration configuration) =>
        new((configuration["Portal:PublicUrl"] is { Length: > 0 } url ? url : "http://localhost:5000").TrimEnd('/'));
}
