using System.Security.Claims;
using Mediator;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Host.Composition;

namespace PortailFamille.Host.Api;

/// <summary>Accounts: sign-in and sessions, passwords, the profile, structures; staff account management and the journal.</summary>
internal static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApiV1(this RouteGroupBuilder api)
    {
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
            return TypedResults.NoContent();
        });
        auth.MapPost("/logout-everywhere", async (HttpContext http) =>
        {
            await PortalSession.SignOutEverywhereAsync(http);
            return TypedResults.NoContent();
        }).RequireAuthorization();
        auth.MapGet("/password-rules", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetPasswordRules(), ct)));
        auth.MapPost("/password-reset", async (PasswordResetRequest body, ISender sender, CancellationToken ct) =>
        {
            var result = await sender.Send(new RequestPasswordReset(body.Identifier ?? "", body.Email ?? ""), ct);
            return result.IsSuccess
                ? Results.Accepted(value: new { message = "Si les informations fournies sont valides, un courriel vous sera envoyé à l'adresse associée à votre compte." })
                : result.Error!.ToProblem();
        });
        auth.MapPost("/password-reset/confirm", async (PasswordResetConfirmation body, ISender sender, CancellationToken ct) =>
            (await sender.Send(new ResetPasswordWithLink(body.Token ?? "", body.NewPassword ?? "", body.Confirmation ?? ""), ct)).ToNoContent());
        auth.MapPost("/password", async (PasswordChangeRequest body, ICurrentFamily family, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var result = await sender.Send(new ChangePassword(family.Id, body.CurrentPassword ?? "", body.NewPassword ?? "", body.Confirmation ?? ""), ct);
            if (result.IsFailure) return result.Error!.ToProblem();
            await PortalSession.RenewAfterPasswordChangeAsync(http, await sender.Send(new GetSignInGate(family.Id), ct));
            return Results.NoContent();
        }).RequireAuthorization(Policies.Family);

        api.MapGet("/structures", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListStructures(), ct)));

        api.MapGet("/me", async (ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            var kind = user.FindFirstValue(PortailClaims.Kind);
            if (PortailClaims.FamilyIdOf(user) is not { } id)
                return Results.Ok(new { kind, name = user.Identity?.Name, roles = user.FindAll(ClaimTypes.Role).Select(r => r.Value) });
            var account = await sender.Send(new GetFamilyAccount(id), ct);
            var children = await sender.Send(new ListChildren(id), ct);
            return Results.Ok(new { kind, name = user.Identity?.Name, account, children });
        }).RequireAuthorization();

        api.MapPut("/me/emails", async (EmailsRequest body, ICurrentFamily family, ISender sender, CancellationToken ct) =>
            (await sender.Send(new UpdateEmails(family.Id, body.Emails ?? ""), ct)).ToNoContent())
            .RequireAuthorization(Policies.Family);

        var accounts = api.MapGroup("/staff/accounts").RequireAuthorization(Policies.AccountManagers);
        accounts.MapPost("/", async (CreateAccountRequest body, ICurrentStaff staff, ISender sender, CancellationToken ct) =>
            (await sender.Send(new CreateFamilyAccount(staff.Id, staff.Name, body.StructureId,
                body.HolderFirstName ?? "", body.HolderLastName ?? "", body.Emails ?? "", body.Delivery, body.LinkedToAccountId), ct))
                .ToHttpResult(created => Results.Created($"/api/v1/staff/accounts/{created.AccountId}", created)));
        accounts.MapPost("/{accountId:guid}/unlock", async (Guid accountId, ICurrentStaff staff, ISender sender, CancellationToken ct) =>
            (await sender.Send(new UnlockAccount(staff.Id, staff.Name, accountId), ct)).ToNoContent());
        accounts.MapPost("/{accountId:guid}/sessions/end", async (Guid accountId, ICurrentStaff staff, ISender sender, CancellationToken ct) =>
            (await sender.Send(new EndAllSessions(accountId, staff.Id, staff.Name), ct)).ToHttpResult(ended => Results.Ok(new { ended })));
        accounts.MapGet("/statuses", async (Guid structureId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListFamilyAccountStatuses(structureId), ct)));
        api.MapGet("/staff/audit", async (int? take, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListAuditEntries(take ?? 200), ct))).RequireAuthorization(Policies.AccountManagers);
        return api;
    }
}

internal sealed record LoginRequest(string? Identifier, string? Password, bool RememberMe = false);

internal sealed record EmailsRequest(string? Emails);

internal sealed record CreateAccountRequest(Guid StructureId, string? HolderFirstName, string? HolderLastName, string? Emails,
    CredentialDelivery Delivery, Guid? LinkedToAccountId);

internal sealed record PasswordResetRequest(string? Identifier, string? Email);

internal sealed record PasswordResetConfirmation(string? Token, string? NewPassword, string? Confirmation);

internal sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword, string? Confirmation);
