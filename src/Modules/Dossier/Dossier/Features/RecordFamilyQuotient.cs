using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

internal sealed class RecordFamilyQuotientValidator : AbstractValidator<RecordFamilyQuotient>
{
    public RecordFamilyQuotientValidator()
    {
        RuleFor(x => x.FamilyAccountId).NotEmpty().WithMessage("Choisissez la famille.");
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMessage("Indiquez l'année d'application du quotient (par exemple 2025).");
        RuleFor(x => x.ReferenceIncome).InclusiveBetween(0m, 10_000_000m).WithMessage("Le revenu fiscal de référence est un montant positif en euros.");
        RuleFor(x => x.Parts).Must(p => p > 0 && p <= 20 && p * 4 == decimal.Truncate(p * 4))
            .WithMessage("Le nombre de parts est positif, par quart de part (1 ; 1,5 ; 2,25…).");
    }
}

/// <summary>Computed and stored per paying parent's account and calendar year; a new avis for the same year replaces the figures.</summary>
internal sealed class RecordFamilyQuotientHandler(DossierDbContext db, TimeProvider clock) : ICommandHandler<RecordFamilyQuotient, Result<FamilyQuotientView>>
{
    public async ValueTask<Result<FamilyQuotientView>> Handle(RecordFamilyQuotient command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var quotient = await db.Quotients.SingleOrDefaultAsync(q => q.FamilyAccountId == command.FamilyAccountId && q.Year == command.Year, cancellationToken);
        if (quotient is null)
        {
            quotient = FamilyQuotient.Record(command.FamilyAccountId, command.Year, command.ReferenceIncome, command.Parts, command.StaffName, now);
            db.Quotients.Add(quotient);
        }
        else
        {
            quotient.Recompute(command.ReferenceIncome, command.Parts, command.StaffName, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return quotient.ToView();
    }
}
