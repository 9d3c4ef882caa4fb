using Mediator;
using PortailFamille.Host.Composition;
using PortailFamille.Notifications.Contracts;

namespace PortailFamille.Host.Api;

/// <summary>Notifications: the news of a structure; staff publishing a news item or writing to every family.</summary>
internal static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApiV1(this RouteGroupBuilder api)
    {
        api.MapGet("/news", async (Guid structureId, int? take, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListNews(structureId, take ?? 20), ct)));

        api.MapPost("/staff/news", async (PublishNewsRequest body, ICurrentStaff staff, ISender sender, CancellationToken ct) =>
            (await sender.Send(new PublishNews(body.StructureId, body.Title ?? "", body.Body ?? "", staff.Name), ct))
                .ToHttpResult(id => Results.Created($"/api/v1/news/{id}", new { id })))
            .RequireAuthorization(Policies.Staff);
        api.MapPost("/staff/broadcasts", async (BroadcastRequest body, ICurrentStaff staff, ISender sender, CancellationToken ct) =>
            (await sender.Send(new BroadcastToStructure(body.StructureId, body.Subject ?? "", body.Body ?? "", staff.Name), ct))
                .ToHttpResult(families => Results.Ok(new { families })))
            .RequireAuthorization(Policies.AccountManagers);
        return api;
    }
}

internal sealed record PublishNewsRequest(Guid StructureId, string? Title, string? Body);

internal sealed record BroadcastRequest(Guid StructureId, string? Subject, string? Body);
