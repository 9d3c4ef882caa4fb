using System.Reflection;
using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Host.Composition;

namespace PortailFamille.Integration.Tests;

/// <summary>What an open page's periodic session check decides, with the Accounts answer given here.</summary>
public sealed class SessionRevalidationTests
{
    private static readonly ClaimsPrincipal Agent = new(new ClaimsIdentity(
    [
        new Claim(PortailClaims.SessionId, Guid.NewGuid().ToString()),
        new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
        new Claim(PortailClaims.Kind, PortailClaims.StaffKind),
    ], CookieAuthenticationDefaults.AuthenticationScheme));

    private static Task<bool> CheckAsync(Func<object, object?> accounts, ClaimsPrincipal user)
    {
        var sender = DispatchProxy.Create<ISender, AnsweringSender>();
        ((AnsweringSender)(object)sender).Answer = accounts;
        var services = new ServiceCollection().AddScoped(_ => sender).BuildServiceProvider();
        var provider = new SessionRevalidatingStateProvider(NullLoggerFactory.Instance, services.GetRequiredService<IServiceScopeFactory>(),
            Microsoft.Extensions.Options.Options.Create(new SessionsOptions()));
        return provider.CheckNowAsync(new AuthenticationState(user), default);
    }

    [Fact]
    public async Task An_open_session_keeps_the_page_signed_in() =>
        Assert.True(await CheckAsync(m => m is CheckSession ? true : null, Agent));

    [Fact]
    public async Task A_session_ended_elsewhere_signs_the_page_out() =>
        Assert.False(await CheckAsync(m => m is CheckSession ? false : null, Agent));

    [Fact]
    public async Task A_check_that_fails_for_a_moment_does_not_sign_the_page_out() =>
        Assert.True(await CheckAsync(_ => throw new TimeoutException("database busy"), Agent));

    [Fact]
    public async Task A_cookie_without_a_session_is_signed_out() =>
        Assert.False(await CheckAsync(_ => true, new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "x")], "cookie"))));

    /// <summary>An ISender whose queries get <see cref="Answer"/>'s value.</summary>
    public class AnsweringSender : DispatchProxy
    {
        public Func<object, object?> Answer { get; set; } = _ => null;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            var answer = Answer(args![0]!);
            var type = targetMethod!.ReturnType; // ValueTask<TResponse>
            return Activator.CreateInstance(type, answer);
        }
    }
}
