using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Reservations.Features;

internal sealed class AddClosureValidator : AbstractValidator<AddClosure>
{
    public AddClosureValidator()
    {
        RuleFor(x => x.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Indiquez le motif de la fermeture.").MaximumLength(200).WithMessage("Le motif est trop long.");
        RuleFor(x => x.Day).Must(CalendarYears.Contains).WithMessage(CalendarYears.Message);
    }
}

internal sealed class AddClosureHandler(ReservationsDbContext db, TimeProvider clock, BookingRulesCache rules) : ICommandHandler<AddClosure, Result>
{
    public async ValueTask<Result> Handle(AddClosure command, CancellationToken cancellationToken)
    {
        var activities = await db.Activities.Where(a => a.StructureId == command.StructureId && (command.Kind == null || a.Kind == command.Kind))
            .Select(a => a.Id).ToListAsync(cancellationToken);
        var booked = await db.Bookings.CountAsync(b => activities.Contains(b.ActivityId) && b.Day == command.Day
            && (b.Outcome == LineOutcome.Accepted || b.Outcome == LineOutcome.Waitlisted), cancellationToken);
        if (booked > 0)
            return Error.Conflict("reservations.closure_has_bookings",
                $"{booked} réservation(s) existent ce jour-là : annulez-les avec les familles avant de fermer le jour.");
        db.Closures.Add(Closure.Create(Guid.CreateVersion7(clock.GetUtcNow()), command.StructureId, command.Day, command.Kind, command.Reason.Trim()));
        await db.SaveChangesAsync(cancellationToken);
        rules.Invalidate();
        return Result.Success();
    }
}
