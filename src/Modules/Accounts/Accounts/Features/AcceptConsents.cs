using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Domain;
using PortailFamille.Accounts.Persistence;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Accounts.Features;

internal sealed class AcceptConsentsValidator : AbstractValidator<AcceptConsents>
{
    public AcceptConsentsValidator() =>
        RuleFor(x => x.Accepted).NotEmpty().WithMessage("Cochez les cases pour accepter la notice RGPD et les conditions générales d'utilisation.");
}

internal sealed class AcceptConsentsHandler(AccountsDbContext db, TimeProvider clock) : ICommandHandler<AcceptConsents, Result>
{
    public async ValueTask<Result> Handle(AcceptConsents command, CancellationToken cancellationToken)
    {
        if (!await db.FamilyAccounts.AnyAsync(f => f.Id == command.AccountId, cancellationToken)) return AccountErrors.AccountNotFound;
        var pending = await PendingConsents.ForAsync(db, command.AccountId, cancellationToken);
        var missing = pending.Where(p => !command.Accepted.Contains(p)).ToList();
        if (missing.Count > 0)
            return Error.Validation("accounts.consent_missing",
                "Pour utiliser le portail, acceptez la notice RGPD et les conditions générales d'utilisation dans leur version en vigueur.");

        var now = clock.GetUtcNow();
        foreach (var consent in pending)
            db.ConsentRecords.Add(ConsentRecord.Accept(command.AccountId, consent.Document, consent.Version, now));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
