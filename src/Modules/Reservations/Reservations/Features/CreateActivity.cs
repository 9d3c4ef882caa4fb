using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Reservations.Features;

internal sealed partial class CreateActivityValidator : AbstractValidator<CreateActivity>
{
    public CreateActivityValidator()
    {
        RuleFor(x => x.Code).Matches("^[A-Z0-9_]{2,40}$").WithMessage("Le code s'écrit en majuscules, chiffres et _ (2 à 40 caractères).");
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Le nom de l'activité est obligatoire.").MaximumLength(200).WithMessage("Le nom est trop long.");
        RuleFor(x => x.WalletCode).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Indiquez le porte-monnaie (ex. RESTAURATION, PERISCOLAIRE).").MaximumLength(40).WithMessage("Le porte-monnaie est trop long.");
        RuleFor(x => x.Capacity).GreaterThanOrEqualTo(0).When(x => x.Capacity is not null).WithMessage("Le nombre de places ne peut pas être négatif.");
        RuleFor(x => x.WaitlistSize).GreaterThanOrEqualTo(0).WithMessage("La taille de la liste d'attente ne peut pas être négative.");
        RuleFor(x => x.AgeMax).GreaterThanOrEqualTo(x => x.AgeMin).When(x => x.AgeMin is not null && x.AgeMax is not null).WithMessage("L'âge maximum doit être supérieur à l'âge minimum.");
        RuleFor(x => x.Weekdays).Matches("^[1-7](,[1-7])*$").WithMessage("Indiquez les jours de la semaine par leur numéro (1 = lundi … 7 = dimanche), séparés par des virgules.");
        RuleFor(x => x.ArrivalSlots).Must(BeSlots).WithMessage("Les heures d'arrivée s'écrivent HH:MM séparées par ;.");
        RuleFor(x => x.DepartureSlots).Must(BeSlots).WithMessage("Les heures de départ s'écrivent HH:MM séparées par ;.");
    }

    private static bool BeSlots(string? slots) => string.IsNullOrWhiteSpace(slots) || Slots().IsMatch(slots.Replace(" ", ""));

    [System.Text.RegularExpressions.GeneratedRegex("^([01][0-9]|2[0-3]):[0-5][0-9](;([01][0-9]|2[0-3]):[0-5][0-9])*$")]
    private static partial System.Text.RegularExpressions.Regex Slots();
}

internal sealed class CreateActivityHandler(ReservationsDbContext db, TimeProvider clock) : ICommandHandler<CreateActivity, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(CreateActivity command, CancellationToken cancellationToken)
    {
        if (await db.Activities.AnyAsync(a => a.StructureId == command.StructureId && a.Code == command.Code, cancellationToken))
            return Error.Conflict("reservations.activity_code_taken", $"Une activité de code {command.Code} existe déjà dans cette structure.");
        var activity = Activity.Create(Guid.CreateVersion7(clock.GetUtcNow()), command.StructureId, command.Code, command.Name.Trim(), command.Kind, command.DayPart,
            command.WalletCode.Trim().ToUpperInvariant(), command.Capacity, command.WaitlistSize, command.AgeMin, command.AgeMax,
            (command.ArrivalSlots ?? "").Replace(" ", ""), (command.DepartureSlots ?? "").Replace(" ", ""), command.Weekdays);
        db.Activities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return activity.Id;
    }
}
