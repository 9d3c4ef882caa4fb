using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Reservations.Features;

internal sealed class ToggleCartDaysValidator : AbstractValidator<ToggleCartDays>
{
    public ToggleCartDaysValidator()
    {
        RuleFor(x => x.Days).NotEmpty().WithMessage("Choisissez au moins un jour.")
            .Must(d => d.Count <= 62).WithMessage("Choisissez au plus deux mois de jours à la fois.");
        RuleFor(x => x.ChildId).NotEmpty().WithMessage("Choisissez un enfant.");
        RuleFor(x => x.ActivityId).NotEmpty().WithMessage("Choisissez une activité.");
    }
}

internal sealed class ToggleCartDaysHandler(ReservationsDbContext db, ReservationData data, TimeProvider clock) : ICommandHandler<ToggleCartDays, Result<CartChange>>
{
    public async ValueTask<Result<CartChange>> Handle(ToggleCartDays command, CancellationToken cancellationToken)
    {
        var child = (await data.ChildrenAsync(command.FamilyAccountId, cancellationToken)).FirstOrDefault(c => c.Id == command.ChildId);
        if (child is null) return ReservationErrors.ChildNotFound;
        var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == command.ActivityId, cancellationToken);
        if (activity is null) return ReservationErrors.ActivityNotFound;
        if (CheckTimes(activity, command.Arrival, command.Departure) is { } timeError) return timeError;

        var planner = await CartPlanner.LoadAsync(db, data, command.FamilyAccountId, child, activity, command.Days, clock, cancellationToken);
        var change = command.Scope == ToggleScope.EachDay
            ? planner.FlipEach(command.Arrival, command.Departure)
            : planner.AllLikeTheFirst(command.Arrival, command.Departure);
        return await CartChanges.SaveAsync(db, change, cancellationToken);
    }

    /// <summary>Times given must be allowed ones; whether they are needed depends on the days (a cancellation needs none).</summary>
    internal static Error? CheckTimes(Activity activity, string? arrival, string? departure)
    {
        if (arrival is not null && !activity.ArrivalChoices.Contains(arrival))
            return Error.Validation("reservations.arrival_not_allowed", ArrivalMessage(activity));
        if (departure is not null && !activity.DepartureChoices.Contains(departure))
            return Error.Validation("reservations.departure_not_allowed", DepartureMessage(activity));
        return null;
    }

    internal static string ArrivalMessage(Activity activity) =>
        activity.ArrivalChoices.Count == 0 ? $"L'activité {activity.Name} ne demande pas d'heure d'arrivée." : $"Choisissez l'heure d'arrivée parmi : {string.Join(", ", activity.ArrivalChoices)}.";

    internal static string DepartureMessage(Activity activity) =>
        activity.DepartureChoices.Count == 0 ? $"L'activité {activity.Name} ne demande pas d'heure de départ." : $"Choisissez l'heure de départ parmi : {string.Join(", ", activity.DepartureChoices)}.";
}
