using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Domain;

namespace PortailFamille.Accounts.Tests.Domain;

public sealed class PasswordLinkTests
{
    private static readonly DateTimeOffset T0 = new(2024, 10, 26, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_link_is_valid_for_48_hours_to_the_second()
    {
        var (link, _) = PasswordLink.Issue(Guid.NewGuid(), PasswordLinkReason.ForgottenPassword, T0);

        Assert.Equal(PasswordLinkState.Valid, link.StateAt(T0.AddHours(48).AddTicks(-1)));
        Assert.Equal(PasswordLinkState.Expired, link.StateAt(T0.AddHours(48)));
    }

    [Fact]
    public void Only_the_hash_of_the_token_is_kept()
    {
        var (link, token) = PasswordLink.Issue(Guid.NewGuid(), PasswordLinkReason.ForgottenPassword, T0);

        Assert.DoesNotContain(token, link.TokenHash);
        Assert.Equal(PasswordLink.HashOf(token), link.TokenHash);
        Assert.True(token.Length >= 40, "a 256-bit token");
        Assert.DoesNotContain('+', token);
        Assert.DoesNotContain('/', token);
    }

    [Fact]
    public void Two_links_never_share_a_token()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => PasswordLink.Issue(Guid.NewGuid(), PasswordLinkReason.ForgottenPassword, T0).Token).ToHashSet();
        Assert.Equal(100, tokens.Count);
    }

    [Fact]
    public void A_used_link_is_spent_even_before_it_expires()
    {
        var (link, _) = PasswordLink.Issue(Guid.NewGuid(), PasswordLinkReason.ForgottenPassword, T0);
        link.MarkUsed(T0.AddMinutes(5));

        Assert.Equal(PasswordLinkState.Used, link.StateAt(T0.AddMinutes(6)));
    }

    [Fact]
    public void A_revoked_link_is_superseded()
    {
        var (link, _) = PasswordLink.Issue(Guid.NewGuid(), PasswordLinkReason.ForgottenPassword, T0);
        link.Revoke(T0.AddMinutes(5));

        Assert.Equal(PasswordLinkState.Superseded, link.StateAt(T0.AddMinutes(6)));
    }
}
