using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.BuildingBlocks.Time;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

internal sealed class SignInternalRulesValidator : AbstractValidator<SignInternalRules>
{
    public SignInternalRulesValidator()
    {
        RuleFor(x => x.Acknowledged).Equal(true)
            .WithMessage("Cochez la case « J'ai pris connaissance du règlement intérieur et j'ai informé mon enfant de ce règlement ».");
        RuleFor(x => x.SignerName).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("Indiquez vos nom et prénom.")
            .MaximumLength(200).WithMessage("Le nom ne doit pas dépasser 200 caractères.");
        RuleFor(x => x.Place).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("Indiquez le lieu de signature.")
            .MaximumLength(200).WithMessage("Le lieu ne doit pas dépasser 200 caractères.");
    }
}

internal sealed class SignInternalRulesHandler(DossierDbContext db, TimeProvider clock) : ICommandHandler<SignInternalRules, Result>
{
    public async ValueTask<Result> Handle(SignInternalRules command, CancellationToken cancellationToken)
    {
        // A family signs only for a child it is linked to; any other id is "not found".
        var linked = await db.Guardians.AnyAsync(g => g.ChildId == command.ChildId && g.FamilyAccountId == command.FamilyAccountId, cancellationToken);
        if (!linked) return Error.NotFound("dossier.child_not_found", "Cet enfant ne fait pas partie de votre dossier famille.");

        var now = clock.GetUtcNow();
        var year = SchoolYear.Of(clock.TodayInParis());
        if (await db.InternalRulesSignatures.AnyAsync(s => s.ChildId == command.ChildId && s.SchoolYear == year, cancellationToken))
            return Result.Success(); // already signed this year (by this parent or the other)

        db.InternalRulesSignatures.Add(InternalRulesSignature.Sign(command.ChildId, command.FamilyAccountId, year, command.SignerName, command.Place, now));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
