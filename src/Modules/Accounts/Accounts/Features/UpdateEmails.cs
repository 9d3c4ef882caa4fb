using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Domain;
using PortailFamille.Accounts.Persistence;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Accounts.Features;

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
