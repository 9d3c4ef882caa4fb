using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;
using PortailFamille.BuildingBlocks.Configuration;
using PortailFamille.Accounts.Contracts;

namespace PortailFamille.Host.Composition;

/// <summary>Sessions: Sessions:CircuitRevalidationSeconds (60).</summary>
internal sealed class SessionsOptions
{
    public const string Section = "Sessions";

    public int CircuitRevalidationSeconds { get; set; } = 60;

    public static readonly SettingRules<SessionsOptions> Rules = new SettingRules<SessionsOptions>()
        .Require("Sessions:CircuitRevalidationSeconds", o => o.CircuitRevalidationSeconds, s => s > 0, "a whole number of seconds above 0");
}

/// <summary>
/// An open circuit (the staff dashboard, an interactive page) asks again every <c>Sessions:CircuitRevalidationSeconds</c>
/// whether its server-side session is still open: a logout elsewhere, « Déconnecter partout » or a password change signs
/// the circuit out too, so its buttons stop working without waiting for the next page load.
/// </summary>
internal sealed class SessionRevalidatingStateProvider(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<SessionsOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<SessionRevalidatingStateProvider>();

    private readonly TimeSpan _interval = TimeSpan.FromSeconds(options.Value.CircuitRevalidationSeconds);

    protected override TimeSpan RevalidationInterval => _interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        if (PortailClaims.SessionIdOf(user) is not { } sessionId || PortailClaims.UserIdOf(user) is not { } userId) return false;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CheckSession(sessionId, userId), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A check that could not be made (the database busy or away a moment) is not an ended session: the page keeps
            // its user until the next check, and every request and every button still goes through the session check.
            _logger.LogWarning(ex, "Session {SessionId} could not be checked for an open page; checked again in {Interval}", sessionId, _interval);
            return true;
        }
    }

    /// <summary>The periodic check, for the tests (the base class runs it on its timer).</summary>
    internal Task<bool> CheckNowAsync(AuthenticationState state, CancellationToken cancellationToken) => ValidateAuthenticationStateAsync(state, cancellationToken);
}
