using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using PortailFamille.Accounts.Contracts;

namespace PortailFamille.Host.Composition;

/// <summary>The session cookie's claims, written at sign-in and rewritten when a first-login step is done.</summary>
internal static class PortalSession
{
    public static async Task SignInAsync(HttpContext http, SignedInUser user, bool keepSignedIn = false)
    {
        var session = await Sender(http).Send(new OpenSession(user.UserId, keepSignedIn), http.RequestAborted);
        var claims = new List<Claim>
        {
            new(PortailClaims.SessionId, session.SessionId.ToString()),
            new(ClaimTypes.NameIdentifier, user.UserId.ToString()),
            new(ClaimTypes.Name, user.DisplayName),
            new(PortailClaims.Kind, user.Kind.ToString()),
        };
        if (user.FamilyAccountId is { } familyId) claims.Add(new Claim(PortailClaims.FamilyAccountId, familyId.ToString()));
        if (user.StructureId is { } structureId) claims.Add(new Claim(PortailClaims.StructureId, structureId.ToString()));
        if (user.Role is { } role) claims.Add(new Claim(ClaimTypes.Role, role.ToString()));
        if (user.Gate != SignInGate.None) claims.Add(new Claim(PortailClaims.Gate, user.Gate.ToString()));

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
        // « Rester connecté sur cet appareil »: a cookie as long as its 30-day session, not renewed (sliding renewal
        // would cut a kept cookie back to 30 minutes); otherwise a 30-minute sliding cookie.
        var properties = keepSignedIn
            ? new AuthenticationProperties { IsPersistent = true, ExpiresUtc = session.ExpiresAt, AllowRefresh = false }
            : null;
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, properties);
    }

    /// <summary>
    /// Every request: the cookie's session must still be open in the database (not ended by a logout, a password change,
    /// a reset or « déconnecter partout » on any Host, not past its lifetime). A cookie of a closed session, or one
    /// issued before sessions were kept, is refused and removed: the visitor is signed out.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var open = principal is not null && PortailClaims.SessionIdOf(principal) is { } sessionId && PortailClaims.UserIdOf(principal) is { } userId
            && await Sender(context.HttpContext).Send(new CheckSession(sessionId, userId), context.HttpContext.RequestAborted);
        if (open) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>« Se déconnecter »: the session ends on the server, then the cookie goes.</summary>
    public static async Task SignOutAsync(HttpContext http)
    {
        if (PortailClaims.SessionIdOf(http.User) is { } sessionId)
            await Sender(http).Send(new EndSession(sessionId), http.RequestAborted);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>« Se déconnecter de tous les appareils »: every session of the user ends, this one too.</summary>
    public static async Task SignOutEverywhereAsync(HttpContext http)
    {
        if (PortailClaims.UserIdOf(http.User) is { } userId)
            await Sender(http).Send(new EndAllSessions(userId), http.RequestAborted);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    private static Mediator.ISender Sender(HttpContext http) => http.RequestServices.GetRequiredService<Mediator.ISender>();

    /// <summary>Rewrites the cookie with the family's new gate (after a consent).</summary>
    public static Task UpdateGateAsync(HttpContext http, SignInGate gate) => RewriteAsync(http, gate, http.User.FindFirstValue(PortailClaims.SessionId));

    /// <summary>
    /// After a password change: the change ended every session of the account (the module's rule), so this device
    /// gets a new one, the others stay signed out.
    /// </summary>
    public static async Task RenewAfterPasswordChangeAsync(HttpContext http, SignInGate gate)
    {
        var userId = PortailClaims.UserIdOf(http.User) ?? throw new InvalidOperationException("A password change needs a signed-in user.");
        var session = await Sender(http).Send(new OpenSession(userId, KeptSignedIn: false), http.RequestAborted);
        await RewriteAsync(http, gate, session.SessionId.ToString());
    }

    private static Task RewriteAsync(HttpContext http, SignInGate gate, string? sessionId)
    {
        var claims = http.User.Claims.Where(c => c.Type != PortailClaims.Gate && c.Type != PortailClaims.SessionId).ToList();
        if (sessionId is not null) claims.Add(new Claim(PortailClaims.SessionId, sessionId));
        if (gate != SignInGate.None) claims.Add(new Claim(PortailClaims.Gate, gate.ToString()));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
        return http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
    }

    public static string PathFor(SignInGate gate) => gate switch
    {
        SignInGate.ChangePassword => "/mot-de-passe/nouveau",
        SignInGate.AcceptConsents => "/premiere-connexion",
        _ => "/",
    };

    /// <summary>
    /// The one check of an address to go back to (returnUrl, returnTo): a path of this site, never « //host » nor a
    /// backslash that a browser reads as « / » (« /\host »).
    /// </summary>
    public static bool IsLocalUrl(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\');
}

/// <summary>
/// Until a first-login step is done (new password, then RGPD and CGU), a family session reaches only
/// that step's page: other pages redirect there, the API answers 403 with code accounts.first_login_incomplete.
/// </summary>
internal sealed class SignInGateMiddleware(RequestDelegate next)
{
    private static readonly string[] AlwaysAllowed = ["/deconnexion", "/_framework", "/_content", "/_blazor", "/css", "/js", "/favicon", "/health", "/introuvable"];

    public async Task InvokeAsync(HttpContext http)
    {
        var gateClaim = http.User.FindFirst(PortailClaims.Gate)?.Value;
        if (gateClaim is null || !Enum.TryParse<SignInGate>(gateClaim, out var gate) || gate == SignInGate.None)
        {
            await next(http);
            return;
        }

        var path = http.Request.Path;
        var target = PortalSession.PathFor(gate);
        if (path.StartsWithSegments(target) || AlwaysAllowed.Any(p => path.StartsWithSegments(p)))
        {
            await next(http);
            return;
        }

        if (path.StartsWithSegments("/api"))
        {
            if (path.StartsWithSegments("/api/v1/auth"))
            {
                await next(http);
                return;
            }

            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Première connexion à terminer",
                detail: gate == SignInGate.ChangePassword
                    ? "Choisissez un nouveau mot de passe avant d'utiliser le portail."
                    : "Acceptez la notice RGPD et les conditions générales d'utilisation avant d'utiliser le portail.",
                extensions: new Dictionary<string, object?> { ["code"] = "accounts.first_login_incomplete", ["gate"] = gate.ToString() })
                .ExecuteAsync(http);
            return;
        }

        http.Response.Redirect(target);
    }
}
