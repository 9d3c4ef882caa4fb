using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Domain;
using PortailFamille.Accounts.Persistence;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Accounts.Features;

internal sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("Saisissez votre mot de passe actuel.");
        NewPasswordRules.Apply(this, x => x.NewPassword, x => x.Confirmation);
        RuleFor(x => x.NewPassword).NotEqual(x => x.CurrentPassword).WithMessage("Le nouveau mot de passe doit être différent de l'actuel.");
    }
}

internal sealed class ChangePasswordHandler(AccountsDbContext db, PasswordHashing hashing, TimeProvider clock) : ICommandHandler<ChangePassword, Result>
{
    public async ValueTask<Result> Handle(ChangePassword command, CancellationToken cancellationToken)
    {
        var account = await db.FamilyAccounts.SingleOrDefaultAsync(f => f.Id == command.AccountId, cancellationToken);
        if (account is null) return AccountErrors.AccountNotFound;
        if (!hashing.Verify(account.PasswordHash, command.CurrentPassword)) return AccountErrors.WrongCurrentPassword;

        var now = clock.GetUtcNow();
        account.SetPassword(hashing.Hash(command.NewPassword), now);
        await PasswordLinks.RevokeAllAsync(db, account.Id, now, cancellationToken); // a password change spends every link
        await UserSessions.EndAllAsync(db, account.Id, now, cancellationToken); // and every session (the Host opens a new one for this device)
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
