using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Domain;
using PortailFamille.Accounts.Persistence;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Accounts.Features;

internal static class PendingConsents
{
    public static async Task<IReadOnlyList<ConsentView>> ForAsync(AccountsDbContext db, Guid accountId, CancellationToken ct)
    {
        var accepted = await db.ConsentRecords.AsNoTracking()
            .Where(c => c.AccountId == accountId)
            .Select(c => new { c.Document, c.Version })
            .ToListAsync(ct);
        return ConsentVersions.Current
            .Where(current => !accepted.Any(a => a.Document == current.Key && a.Version == current.Value))
            .Select(current => new ConsentView(current.Key, current.Value))
            .ToList();
    }
}

internal sealed class GetPendingConsentsHandler(AccountsDbContext db) : IQueryHandler<GetPendingConsents, IReadOnlyList<ConsentView>>
{
    public async ValueTask<IReadOnlyList<ConsentView>> Handle(GetPendingConsents query, CancellationToken cancellationToken) =>
        await PendingConsents.ForAsync(db, query.AccountId, cancellationToken);
}

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

internal sealed class UpdateEmailsValidator : AbstractValidator<UpdateEmails>
{
    public UpdateEmailsValidator() =>
        RuleFor(x => x.Emails).Custom((value, context) =>
        {
            foreach (var error in EmailList.Parse(value).Errors) context.AddFailure("Emails", error);
        });
}

internal sealed class UpdateEmailsHandler(AccountsDbContext db) : ICommandHandler<UpdateEmails, Result>
{
    public async ValueTask<Result> Handle(UpdateEmails command, CancellationToken cancellationToken)
    {
        var account = await db.FamilyAccounts.SingleOrDefaultAsync(f => f.Id == command.AccountId, cancellationToken);
        if (account is null) return AccountErrors.AccountNotFound;
        account.SetEmails(EmailList.Parse(command.Emails).Addresses);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
