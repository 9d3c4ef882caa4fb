using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Host.Api;
using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Host.Composition;

/// <summary>
/// What the portal maps besides its pages: the pages' own form posts (structure switcher, logout), the private iCal
/// feed, the health check, and the JSON API, one file per module under <c>Host/Api</c>.
/// </summary>
internal static class PageEndpoints
{
    public static WebApplication MapPortailEndpoints(this WebApplication app)
    {
        // Header's structure switcher (plain form post, antiforgery checked).
        app.MapPost("/structure", async ([FromForm] Guid structureId, [FromForm] string? returnUrl, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var structures = await sender.Send(new ListStructures(), ct);
            if (structures.Any(s => s.Id == structureId))
            {
                http.Response.Cookies.Append(PortalContext.StructureCookie, structureId.ToString(), new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    IsEssential = true,
                    MaxAge = TimeSpan.FromDays(180),
                });
            }

            return Results.LocalRedirect(PortalSession.IsLocalUrl(returnUrl) ? returnUrl! : "/");
        });

        // The page forms carry an antiforgery token: a post without it (another site, a script) signs nobody out.
        app.MapPost("/deconnexion", async (HttpContext http, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            await PortalSession.SignOutAsync(http);
            return Results.LocalRedirect("/");
        }).DisableAntiforgery();
        app.MapPost("/deconnexion/partout", async (HttpContext http, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            await PortalSession.SignOutEverywhereAsync(http);
            return Results.LocalRedirect("/connexion");
        }).RequireAuthorization().DisableAntiforgery();

        // Private iCalendar feed: the unguessable token is the credential (calendar apps send no cookie).
        app.MapGet("/calendrier/{token}.ics", async (string token, ISender sender, CancellationToken ct) =>
            await sender.Send(new GetCalendarFeed(token), ct) is { } ics
                ? Results.Text(ics, "text/calendar; charset=utf-8")
                : Results.NotFound());

        app.MapGroup("/api/v1").WithTags("Portail Famille API")
            .MapAccountsApiV1()
            .MapDossierApiV1()
            .MapReservationsApiV1()
            .MapBillingApiV1()
            .MapNotificationsApiV1();

        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = async (http, report) =>
            {
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsJsonAsync(new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
                });
            },
        });
        return app;
    }
}
