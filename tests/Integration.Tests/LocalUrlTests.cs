using PortailFamille.Host.Composition;

namespace PortailFamille.Integration.Tests;

/// <summary>The one check of an address to go back to, used by sign-in, the structure switcher and the dossier's forms.</summary>
public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/reservations", true)]
    [InlineData("/dossier-famille/fiches/1?depot=2", true)]
    [InlineData("//evil.example/x", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("/ok\\..\\evil", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("reservations", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_a_path_of_this_site_is_a_place_to_go_back_to(string? url, bool local) =>
        Assert.Equal(local, PortalSession.IsLocalUrl(url));
}
