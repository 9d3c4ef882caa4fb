using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Billing.Contracts;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Notifications.Contracts;

namespace PortailFamille.Host.Composition;

internal static class Endpoints
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

            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        });

        app.MapPost("/deconnexion", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/");
        });

        var api = app.MapGroup("/api/v1").WithTags("Portail Famille API");

        api.MapGet("/structures", async (ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new ListStructures(), ct)));

        api.MapGet("/news", async (Guid structureId, int? take, ISender sender, CancellationToken ct) =>
            Results.Ok(await sender.Send(new ListNews(structureId, take ?? 20), ct)));

        api.MapGet("/me", async (ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            var familyId = user.FindFirstValue(PortailClaims.FamilyAccountId);
            var kind = user.FindFirstValue(PortailClaims.Kind);
            if (familyId is null || !Guid.TryParse(familyId, out var id))
                return Results.Ok(new { kind, name = user.Identity?.Name, roles = user.FindAll(ClaimTypes.Role).Select(r => r.Value) });
            var account = await sender.Send(new GetFamilyAccount(id), ct);
            var children = await sender.Send(new ListChildren(id), ct);
            return Results.Ok(new { kind, name = user.Identity?.Name, account, children });
        }).RequireAuthorization();

        api.MapGet("/wallets", async (ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            Results.Ok(await sender.Send(new GetWalletBalances(FamilyId(user)), ct)))
            .RequireAuthorization(Policies.Family);

        var staff = api.MapGroup("/staff").RequireAuthorization(Policies.Staff);
        staff.MapPost("/news", async (PublishNewsRequest body, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            var result = await sender.Send(new PublishNews(body.StructureId, body.Title ?? "", body.Body ?? "", user.Identity?.Name ?? ""), ct);
            return result.ToHttpResult(id => Results.Created($"/api/v1/news/{id}", new { id }));
        });

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

    private static Guid FamilyId(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(PortailClaims.FamilyAccountId)!);

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}

internal sealed record PublishNewsRequest(Guid StructureId, string? Title, string? Body);
