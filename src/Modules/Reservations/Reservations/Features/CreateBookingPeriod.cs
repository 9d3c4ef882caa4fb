using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Reservations.Features;

internal sealed class CreateBookingPeriodValidator : AbstractValidator<CreateBookingPeriod>
{
    public CreateBookingPeriodValidator()
    {
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Le nom de la période est obligatoire.").MaximumLength(200).WithMessage("Le nom est trop long.");
        RuleFor(x => x.EndsOn).GreaterThanOrEqualTo(x => x.StartsOn).WithMessage("La période doit finir après son premier jour.");
        RuleFor(x => x.OpensOn).LessThanOrEqualTo(x => x.StartsOn).WithMessage("Les réservations doivent ouvrir avant le premier jour de la période.");
        RuleFor(x => x.OpensOn).Must(CalendarYears.Contains).WithMessage(CalendarYears.Message);
        RuleFor(x => x.StartsOn).Must(CalendarYears.Contains).WithMessage(CalendarYears.Message);
        RuleFor(x => x.EndsOn).Must(CalendarYears.Contains).WithMessage(CalendarYears.Message);
    }
}

internal sealed class CreateBookingPeriodHandler(ReservationsDbContext db, TimeProvider clock, BookingRulesCache rules) : ICommandHandler<CreateBookingPeriod, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(CreateBookingPeriod command, CancellationToken cancellationToken)
    {
        var overlaps = await db.BookingPeriods.AnyAsync(p => p.StructureId == command.StructureId && p.Kind == command.Kind
            && p.StartsOn <= command.EndsOn && command.StartsOn <= p.EndsOn, cancellationToken);
        if (overlaps) return Error.Conflict("reservations.period_overlaps", "Cette période chevauche une période existante du même type.");
        var period = BookingPeriod.Create(Guid.CreateVersion7(clock.GetUtcNow()), command.StructureId, command.Name.Trim(), command.Kind, command.OpensOn, command.StartsOn, command.EndsOn);
        db.BookingPeriods.Add(period);
        await db.SaveChangesAsync(cancellationToken);
        rules.Invalidate();
        return period.Id;
    }
}
