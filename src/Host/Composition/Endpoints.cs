using Microsoft.AspNetCore.Antiforgery;
using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Billing.Contracts;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Notifications.Contracts;
using PortailFamille.Reservations.Contracts;

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

        var api = app.MapGroup("/api/v1").WithTags("Portail Famille API");

        var auth = api.MapGroup("/auth");
        auth.MapPost("/login", async (LoginRequest body, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var result = await sender.Send(new SignIn(body.Identifier ?? "", body.Password ?? ""), ct);
            if (result.IsFailure)
            {
                var error = result.Error!;
                // Wrong identifier or password: 401, same body whether the identifier exists or not.
                return error.Code == "accounts.invalid_credentials"
                    ? Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: error.Message, detail: error.Message,
                        extensions: new Dictionary<string, object?> { ["code"] = error.Code })
                    : error.ToProblem();
            }

            await PortalSession.SignInAsync(http, result.Value, body.RememberMe);
            var user = result.Value;
            return Results.Ok(new { kind = user.Kind.ToString(), name = user.DisplayName, gate = user.Gate.ToString(), next = PortalSession.PathFor(user.Gate) });
        });
        auth.MapPost("/logout", async (HttpContext http) =>
        {
            await PortalSession.SignOutAsync(http);
            return Results.NoContent();
        });
        auth.MapPost("/logout-everywhere", async (HttpContext http) =>
        {
            await PortalSession.SignOutEverywhereAsync(http);
            return Results.NoContent();
        }).RequireAuthorization();
        auth.MapGet("/password-rules", async (ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new GetPasswordRules(), ct)));
        auth.MapPost("/password-reset", async (PasswordResetRequest body, ISender sender, CancellationToken ct) =>
        {
            var result = await sender.Send(new RequestPasswordReset(body.Identifier ?? "", body.Email ?? ""), ct);
            return result.IsSuccess
                ? Results.Accepted(value: new { message = "Si les informations fournies sont valides, un courriel vous sera envoyé à l'adresse associée à votre compte." })
                : result.Error!.ToProblem();
        });
        auth.MapPost("/password-reset/confirm", async (PasswordResetConfirmation body, ISender sender, CancellationToken ct) =>
        {
            var result = await sender.Send(new ResetPasswordWithLink(body.Token ?? "", body.NewPassword ?? "", body.Confirmation ?? ""), ct);
            return result.IsSuccess ? Results.NoContent() : result.Error!.ToProblem();
        });
        auth.MapPost("/password", async (PasswordChangeRequest body, ClaimsPrincipal user, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var id = FamilyId(user);
            var result = await sender.Send(new ChangePassword(id, body.CurrentPassword ?? "", body.NewPassword ?? "", body.Confirmation ?? ""), ct);
            if (result.IsFailure) return result.Error!.ToProblem();
            await PortalSession.RenewAfterPasswordChangeAsync(http, await sender.Send(new GetSignInGate(id), ct));
            return Results.NoContent();
        }).RequireAuthorization(Policies.Family);

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

        api.MapPut("/me/emails", async (EmailsRequest body, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            var result = await sender.Send(new UpdateEmails(FamilyId(user), body.Emails ?? ""), ct);
            return result.IsSuccess ? Results.NoContent() : result.Error!.ToProblem();
        }).RequireAuthorization(Policies.Family);

        api.MapGet("/children", async (ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            Results.Ok(await sender.Send(new ListChildren(FamilyId(user)), ct))).RequireAuthorization(Policies.Family);

        // Private iCalendar feed: the unguessable token is the credential (calendar apps send no cookie).
        app.MapGet("/calendrier/{token}.ics", async (string token, ISender sender, CancellationToken ct) =>
            await sender.Send(new GetCalendarFeed(token), ct) is { } ics
                ? Results.Text(ics, "text/calendar; charset=utf-8")
                : Results.NotFound());

        var bookings = api.MapGroup("/reservations").RequireAuthorization(Policies.Family);
        bookings.MapPost("/calendar-feed", async (ClaimsPrincipal user, PortailFamille.BuildingBlocks.Web.PortalOptions portal, ISender sender, CancellationToken ct) =>
            Results.Ok(new { url = $"{portal.PublicUrl}/calendrier/{await sender.Send(new GetCalendarFeedToken(FamilyId(user)), ct)}.ics" }));
        bookings.MapGet("/", async (bool? hideTransmitted, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            Results.Ok(await sender.Send(new ListBookings(FamilyId(user), hideTransmitted ?? false), ct)));
        bookings.MapGet("/calendar", async (Guid childId, Guid? activityId, int year, int month, Guid? structureId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            var structure = structureId ?? Guid.Parse(user.FindFirstValue(PortailClaims.StructureId)!);
            return (await sender.Send(new GetCalendar(FamilyId(user), structure, childId, activityId, year, month), ct)).ToHttpResult();
        });
        bookings.MapPost("/cart/days", async (CartDaysRequest body, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            (await sender.Send(new ToggleCartDays(FamilyId(user), body.ChildId, body.ActivityId, body.Days ?? [], body.Scope, body.Arrival, body.Departure), ct)).ToHttpResult());
        bookings.MapPost("/cart/copy", async (CartCopyRequest body, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            (await sender.Send(new CopyCartDays(FamilyId(user), body.FromChildId, body.FromActivityId, body.ToChildId, body.ToActivityId), ct)).ToHttpResult());
        bookings.MapDelete("/cart/items/{itemId:guid}", async (Guid itemId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            var result = await sender.Send(new RemoveCartItem(FamilyId(user), itemId), ct);
            return result.IsSuccess ? Results.NoContent() : result.Error!.ToProblem();
        });
        bookings.MapDelete("/cart", async (ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new AbandonCart(FamilyId(user)), ct);
            return Results.NoContent();
        });
        bookings.MapGet("/cart/summary", async (ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            Results.Ok(await sender.Send(new GetCart(FamilyId(user)), ct)));
        bookings.MapPost("/cart/confirm", async (ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            (await sender.Send(new ConfirmCart(FamilyId(user)), ct)).ToHttpResult());

        var accounts = api.MapGroup("/staff/accounts").RequireAuthorization(Policies.AccountManagers);
        accounts.MapPost("/", async (CreateAccountRequest body, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            var result = await sender.Send(new CreateFamilyAccount(StaffId(user), user.Identity?.Name ?? "", body.StructureId,
                body.HolderFirstName ?? "", body.HolderLastName ?? "", body.Emails ?? "", body.Delivery, body.LinkedToAccountId), ct);
            return result.ToHttpResult(created => Results.Created($"/api/v1/staff/accounts/{created.AccountId}", created));
        });
        accounts.MapPost("/{accountId:guid}/unlock", async (Guid accountId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            var result = await sender.Send(new UnlockAccount(StaffId(user), user.Identity?.Name ?? "", accountId), ct);
            return result.IsSuccess ? Results.NoContent() : result.Error!.ToProblem();
        });
        accounts.MapPost("/{accountId:guid}/sessions/end", async (Guid accountId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            (await sender.Send(new EndAllSessions(accountId, StaffId(user), user.Identity?.Name ?? ""), ct)).ToHttpResult(ended => Results.Ok(new { ended })));
        accounts.MapGet("/statuses", async (Guid structureId, ISender sender, CancellationToken ct) =>
            Results.Ok(await sender.Send(new ListFamilyAccountStatuses(structureId), ct)));
        api.MapGet("/staff/audit", async (int? take, ISender sender, CancellationToken ct) =>
            Results.Ok(await sender.Send(new ListAuditEntries(take ?? 200), ct))).RequireAuthorization(Policies.AccountManagers);

        var education = api.MapGroup("/staff").RequireAuthorization(Policies.AccountManagers);
        education.MapPut("/activities/{activityId:guid}/capacity", async (Guid activityId, CapacityRequest body, ISender sender, CancellationToken ct) =>
        {
            var result = await sender.Send(new UpdateActivityCapacity(activityId, body.Capacity, body.WaitlistSize), ct);
            return result.IsSuccess ? Results.NoContent() : result.Error!.ToProblem();
        });
        education.MapPost("/activities", async (CreateActivity body, ISender sender, CancellationToken ct) =>
            (await sender.Send(body, ct)).ToHttpResult(id => Results.Created($"/api/v1/staff/activities/{id}", new { id })));
        education.MapPost("/broadcasts", async (BroadcastRequest body, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            (await sender.Send(new BroadcastToStructure(body.StructureId, body.Subject ?? "", body.Body ?? "", user.Identity?.Name ?? ""), ct))
                .ToHttpResult(families => Results.Ok(new { families })));
        education.MapPost("/transmission", async (ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new TransmitPendingLines(), ct)));
        education.MapPost("/periods", async (PeriodRequest body, ISender sender, CancellationToken ct) =>
            (await sender.Send(new CreateBookingPeriod(body.StructureId, body.Name ?? "", body.Kind, body.OpensOn, body.StartsOn, body.EndsOn), ct))
                .ToHttpResult(id => Results.Created($"/api/v1/staff/periods/{id}", new { id })));
        education.MapPost("/closures", async (ClosureRequest body, ISender sender, CancellationToken ct) =>
        {
            var result = await sender.Send(new AddClosure(body.StructureId, body.Day, body.Kind, body.Reason ?? ""), ct);
            return result.IsSuccess ? Results.NoContent() : result.Error!.ToProblem();
        });
        education.MapGet("/day-sheet", async (Guid activityId, DateOnly day, ISender sender, CancellationToken ct) =>
            (await sender.Send(new GetDaySheet(activityId, day), ct)).ToHttpResult());
        education.MapPost("/bookings/{bookingId:guid}/attendance", async (Guid bookingId, AttendanceRequest body, ISender sender, CancellationToken ct) =>
        {
            var result = await sender.Send(new MarkAttendance(bookingId, body.Attendance), ct);
            return result.IsSuccess ? Results.NoContent() : result.Error!.ToProblem();
        });
        education.MapPost("/bookings/{bookingId:guid}/promote", async (Guid bookingId, ISender sender, CancellationToken ct) =>
        {
            var result = await sender.Send(new PromoteWaitlistedBooking(bookingId), ct);
            return result.IsSuccess ? Results.NoContent() : result.Error!.ToProblem();
        });

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

    private static Guid StaffId(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}

internal sealed record PublishNewsRequest(Guid StructureId, string? Title, string? Body);

internal sealed record LoginRequest(string? Identifier, string? Password, bool RememberMe = false);

internal sealed record EmailsRequest(string? Emails);

internal sealed record CartDaysRequest(Guid ChildId, Guid ActivityId, IReadOnlyList<DateOnly>? Days, PortailFamille.Reservations.Contracts.ToggleScope Scope, string? Arrival, string? Departure);

internal sealed record BroadcastRequest(Guid StructureId, string? Subject, string? Body);

internal sealed record CapacityRequest(int? Capacity, int WaitlistSize);

internal sealed record PeriodRequest(Guid StructureId, string? Name, BookingPeriodKind Kind, DateOnly OpensOn, DateOnly StartsOn, DateOnly EndsOn);

internal sealed record ClosureRequest(Guid StructureId, DateOnly Day, ActivityKind? Kind, string? Reason);

internal sealed record AttendanceRequest(Attendance Attendance);

internal sealed record CartCopyRequest(Guid FromChildId, Guid FromActivityId, Guid ToChildId, Guid ToActivityId);

internal sealed record CreateAccountRequest(Guid StructureId, string? HolderFirstName, string? HolderLastName, string? Emails,
    PortailFamille.Accounts.Contracts.CredentialDelivery Delivery, Guid? LinkedToAccountId);

internal sealed record PasswordResetRequest(string? Identifier, string? Email);

internal sealed record PasswordResetConfirmation(string? Token, string? NewPassword, string? Confirmation);

internal sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword, string? Confirmation);
