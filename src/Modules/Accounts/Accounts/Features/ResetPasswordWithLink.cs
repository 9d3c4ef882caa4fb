using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Domain;
using PortailFamille.Accounts.Persistence;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Accounts.Features;

internal sealed class ResetPasswordWithLinkValidator : AbstractValidator<ResetPasswordWithLink>
{
    public ResetPasswordWithLinkValidator()
    {
        RuleFor(x => x.Token).NotEmpty().WithMessage("Le lien de réinitialisation est incomplet.");
        NewPasswordRules.Apply(this, x => x.NewPassword, x => x.Confirmation);
    }
}

internal sealed class ResetPasswordWithLinkHandler(AccountsDbContext db, PasswordHashing hashing, TimeProvider clock) : ICommandHandler<ResetPasswordWithLink, Result>
{
    public async ValueTask<Result> Handle(ResetPasswordWithLink command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hash = PasswordLink.HashOf(command.Token);
        var link = await db.PasswordLinks.SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (link is null || link.StateAt(now) != PasswordLinkState.Valid) return AccountErrors.LinkNotValid;
        var account = await db.FamilyAccounts.SingleAsync(f => f.Id == link.AccountId, cancellationToken);

        account.SetPassword(hashing.Hash(command.NewPassword), now);
        link.MarkUsed(now);
        await PasswordLinks.RevokeAllAsync(db, account.Id, now, cancellationToken);
        await UserSessions.EndAllAsync(db, account.Id, now, cancellationToken); // whoever had the old password is signed out everywhere
        var throttle = await db.SignInThrottles.SingleOrDefaultAsync(t => t.Identifier == account.Identifier, cancellationToken);
        throttle?.Reset(now); // proving access to the mailbox lifts a lock-out
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AccountErrors.LinkNotValid; // the same link used twice at once: only one wins
        }

        return Result.Success();
    }
}
