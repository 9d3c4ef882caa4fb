using Mediator;
using PortailFamille.BuildingBlocks.Web;
using PortailFamille.Host.Composition;
using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Host.Api;

/// <summary>Reservations: the family's calendar, cart, confirmation, suivi and iCal address; the agents' activities, periods, closures, day sheet and transmission.</summary>
internal static class ReservationsApi
{
    public static RouteGroupBuilder MapReservationsApiV1(this RouteGroupBuilder api)
    {
        var bookings = api.MapGroup("/reservations").RequireAuthorization(Policies.Family);
        bookings.MapPost("/calendar-feed", async (ICurrentFamily family, PortalOptions portal, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(new { url = $"{portal.PublicUrl}/calendrier/{await sender.Send(new GetCalendarFeedToken(family.Id), ct)}.ics" }));
        bookings.MapGet("/", async (bool? hideTransmitted, ICurrentFamily family, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListBookings(family.Id, hideTransmitted ?? false), ct)));
        bookings.MapGet("/calendar", async ([AsParameters] CalendarQuery query, ICurrentFamily family, ISender sender, CancellationToken ct) =>
            (await sender.Send(new GetCalendar(family.Id, query.StructureId ?? family.StructureId ?? Guid.Empty, query.ChildId, query.ActivityId, query.Year, query.Month), ct)).ToHttpResult());
        bookings.MapPost("/cart/days", async (CartDaysRequest body, ICurrentFamily family, ISender sender, CancellationToken ct) =>
            (await sender.Send(new ToggleCartDays(family.Id, body.ChildId, body.ActivityId, body.Days ?? [], body.Scope, body.Arrival, body.Departure), ct)).ToHttpResult());
        bookings.MapPost("/cart/copy", async (CartCopyRequest body, ICurrentFamily family, ISender sender, CancellationToken ct) =>
            (await sender.Send(new CopyCartDays(family.Id, body.FromChildId, body.FromActivityId, body.ToChildId, body.ToActivityId), ct)).ToHttpResult());
        bookings.MapDelete("/cart/items/{itemId:guid}", async (Guid itemId, ICurrentFamily family, ISender sender, CancellationToken ct) =>
            (await sender.Send(new RemoveCartItem(family.Id, itemId), ct)).ToNoContent());
        bookings.MapDelete("/cart", async (ICurrentFamily family, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new AbandonCart(family.Id), ct);
            return TypedResults.NoContent();
        });
        bookings.MapGet("/cart/summary", async (ICurrentFamily family, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetCart(family.Id), ct)));
        bookings.MapPost("/cart/confirm", async (ICurrentFamily family, ISender sender, CancellationToken ct) =>
            (await sender.Send(new ConfirmCart(family.Id), ct)).ToHttpResult());

        var education = api.MapGroup("/staff").RequireAuthorization(Policies.AccountManagers);
        education.MapPut("/activities/{activityId:guid}/capacity", async (Guid activityId, CapacityRequest body, ISender sender, CancellationToken ct) =>
            (await sender.Send(new UpdateActivityCapacity(activityId, body.Capacity, body.WaitlistSize), ct)).ToNoContent());
        education.MapPost("/activities", async (CreateActivity body, ISender sender, CancellationToken ct) =>
            (await sender.Send(body, ct)).ToHttpResult(id => Results.Created($"/api/v1/staff/activities/{id}", new { id })));
        education.MapPost("/transmission", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new TransmitPendingLines(), ct)));
        education.MapPost("/periods", async (PeriodRequest body, ISender sender, CancellationToken ct) =>
            (await sender.Send(new CreateBookingPeriod(body.StructureId, body.Name ?? "", body.Kind, body.OpensOn, body.StartsOn, body.EndsOn), ct))
                .ToHttpResult(id => Results.Created($"/api/v1/staff/periods/{id}", new { id })));
        education.MapPost("/closures", async (ClosureRequest body, ISender sender, CancellationToken ct) =>
            (await sender.Send(new AddClosure(body.StructureId, body.Day, body.Kind, body.Reason ?? ""), ct)).ToNoContent());
        education.MapGet("/day-sheet", async (Guid activityId, DateOnly day, ISender sender, CancellationToken ct) =>
            (await sender.Send(new GetDaySheet(activityId, day), ct)).ToHttpResult());
        education.MapPost("/bookings/{bookingId:guid}/attendance", async (Guid bookingId, AttendanceRequest body, ISender sender, CancellationToken ct) =>
            (await sender.Send(new MarkAttendance(bookingId, body.Attendance), ct)).ToNoContent());
        education.MapPost("/bookings/{bookingId:guid}/promote", async (Guid bookingId, ISender sender, CancellationToken ct) =>
            (await sender.Send(new PromoteWaitlistedBooking(bookingId), ct)).ToNoContent());
        return api;
    }
}

/// <summary>The calendar's query string: a child, a month, optionally one activity and another structure than the family's.</summary>
internal sealed record CalendarQuery(Guid ChildId, Guid? ActivityId, int Year, int Month, Guid? StructureId);

internal sealed record CartDaysRequest(Guid ChildId, Guid ActivityId, IReadOnlyList<DateOnly>? Days, ToggleScope Scope, string? Arrival, string? Departure);

internal sealed record CartCopyRequest(Guid FromChildId, Guid FromActivityId, Guid ToChildId, Guid ToActivityId);

internal sealed record CapacityRequest(int? Capacity, int WaitlistSize);

internal sealed record PeriodRequest(Guid StructureId, string? Name, BookingPeriodKind Kind, DateOnly OpensOn, DateOnly StartsOn, DateOnly EndsOn);

internal sealed record ClosureRequest(Guid StructureId, DateOnly Day, ActivityKind? Kind, string? Reason);

internal sealed record AttendanceRequest(Attendance Attendance);
