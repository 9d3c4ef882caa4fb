using System.Security.Claims;
using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Authentication.Cookies;
using PortailFamille.Accounts;
using PortailFamille.Billing;
using PortailFamille.Composition;
using PortailFamille.BuildingBlocks.Configuration;
using PortailFamille.BuildingBlocks.Mediation;
using PortailFamille.BuildingBlocks.Messaging;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.Dossier;
using PortailFamille.Notifications;
using PortailFamille.Reservations;
using Radzen;
using Wolverine;

namespace PortailFamille.Host.Composition;

/// <summary>The Host only composes: modules, mediator, messaging, web concerns. No business rule here.</summary>
internal static class HostComposition
{
    public static WebApplicationBuilder AddPortail(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // A proxy list that does not parse stops the start here, naming its key, before the database is touched.
        services.AddPortailForwardedHeaders(builder.Configuration);
        var secureCookies = SecurityHeaders.SecureCookies(builder.Configuration, builder.Environment);
        services.AddPortailCookiePolicy(secureCookies);
        // Every module setting, Worker:TransmissionTime included (the Host may hold Wolverine's recurring agent), checked here.
        var settings = services.AddPortailModules(builder.Configuration);

        services.AddMediator((MediatorOptions o) =>
        {
            o.Namespace = "PortailFamille.Host.Mediation";
            o.ServiceLifetime = ServiceLifetime.Scoped;
            o.Assemblies =
            [
                typeof(AccountsModule),
                typeof(DossierModule),
                typeof(ReservationsModule),
                typeof(BillingModule),
                typeof(NotificationsModule),
                // The generator only pairs handlers with messages of listed assemblies: list the Contracts too.
                typeof(PortailFamille.Accounts.Contracts.SignIn),
                typeof(PortailFamille.Dossier.Contracts.ListChildren),
                typeof(PortailFamille.Reservations.Contracts.ListActivities),
                typeof(PortailFamille.Billing.Contracts.GetWalletBalances),
                typeof(PortailFamille.Notifications.Contracts.PublishNews),
            ];
            o.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(AuthorizationBehavior<,>), typeof(ConflictBehavior<,>), typeof(ValidationBehavior<,>)];
        });

        builder.Host.UseWolverine(opts =>
        {
            opts.ServiceName = "PortailFamille.Host";
            opts.UsePortailModules(settings, MessagingRole.Host);
        });

        services
            .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "pf_session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = secureCookies;
                o.LoginPath = "/connexion";
                o.LogoutPath = "/deconnexion";
                o.AccessDeniedPath = "/acces-refuse";
                o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = PortalSession.ValidateAsync;
                o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Family, p => p.RequireClaim(PortailClaims.FamilyAccountId))
            .AddPolicy(Policies.Staff, p => p.RequireClaim(PortailClaims.Kind, PortailClaims.StaffKind))
            .AddPolicy(Policies.AccountManagers, p => p.RequireClaim(PortailClaims.Kind, PortailClaims.StaffKind)
                .RequireRole(nameof(Accounts.Contracts.StaffRole.AgentEducation), nameof(Accounts.Contracts.StaffRole.Administrator)));
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Cashiers, p => p.RequireClaim(PortailClaims.Kind, PortailClaims.StaffKind)
                .RequireRole(nameof(Accounts.Contracts.StaffRole.Cashier), nameof(Accounts.Contracts.StaffRole.Administrator)));
        services.AddPortailRateLimiting(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false); // no « Server: Kestrel » to fingerprint
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddScoped<PortalContext>();
        services.AddScoped<PortailFamille.Host.Api.CurrentUser>();
        services.AddScoped<PortailFamille.Host.Api.ICurrentFamily>(sp => sp.GetRequiredService<PortailFamille.Host.Api.CurrentUser>());
        services.AddScoped<PortailFamille.Host.Api.ICurrentStaff>(sp => sp.GetRequiredService<PortailFamille.Host.Api.CurrentUser>());
        services.AddScoped<ActingUser>();
        services.AddScoped<PortailFamille.BuildingBlocks.Mediation.IActionAuthorizer, ActionAuthorizer>();
        services.AddScoped<ScopedSender>();
        services.AddOptions<SessionsOptions>().BindValidated(SessionsOptions.Section, SessionsOptions.Rules, builder.Configuration);
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SessionRevalidatingStateProvider>();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "pf_antiforgery";
            // Secure comes from the cookie policy: Cookie.SecurePolicy = Always here would throw on every plain http request
            // (TLS ended at a proxy not yet in ForwardedHeaders:KnownProxies) instead of only marking the cookie.
            o.SuppressXFrameOptionsHeader = true; // SecurityHeaders sends it on every response
        });
        services.AddSharedDataProtection();

        services.AddProblemDetails();
        // Binding failures (a query value of the wrong type, a body that is not the JSON expected) throw in every environment,
        // not only in Development, so ApiExceptionHandler and PageExceptionHandler answer them alike: coded, in French.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddExceptionHandler<PageExceptionHandler>();
        services.AddHealthChecks();
        return builder;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

internal static class Policies
{
    public const string Family = "Family";
    public const string Staff = "Staff";
    /// <summary>Create family accounts, unlock them, read the audit trail: agents Éducation and administrators.</summary>
    public const string AccountManagers = "AccountManagers";
    /// <summary>Régie: record payments, read ledgers, takings and debtors: régie and administrators.</summary>
    public const string Cashiers = "Cashiers";
}

internal static class PortailClaims
{
    public const string Kind = "pf:kind";
    public const string FamilyAccountId = "pf:family";
    public const string StructureId = "pf:structure";
    public const string Gate = "pf:gate";
    /// <summary>The server-side session (Accounts) this cookie belongs to: checked on every request.</summary>
    public const string SessionId = "pf:sid";

    /// <summary>The <see cref="Kind"/> of staff sessions.</summary>
    public const string StaffKind = nameof(Accounts.Contracts.UserKind.Staff);

    public static bool IsStaff(ClaimsPrincipal user) => user.HasClaim(Kind, StaffKind);

    public static Guid? UserIdOf(ClaimsPrincipal user) => GuidOf(user, ClaimTypes.NameIdentifier);

    public static Guid? FamilyIdOf(ClaimsPrincipal user) => GuidOf(user, FamilyAccountId);

    public static Guid? StructureIdOf(ClaimsPrincipal user) => GuidOf(user, StructureId);

    public static Guid? SessionIdOf(ClaimsPrincipal user) => GuidOf(user, SessionId);

    private static Guid? GuidOf(ClaimsPrincipal user, string type) => Guid.TryParse(user.FindFirstValue(type), out var id) ? id : null;
}
