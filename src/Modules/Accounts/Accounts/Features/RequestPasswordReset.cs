using System.Diagnostics;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Domain;
using PortailFamille.Accounts.Persistence;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.BuildingBlocks.Web;
using Wolverine.EntityFrameworkCore;

namespace PortailFamille.Accounts.Features;

internal sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordReset>
{
    public RequestPasswordResetValidator()
    {
        RuleFor(x => x.Identifier).NotEmpty().WithMessage("Saisissez votre identifiant.").MaximumLength(100).WithMessage("L'identifiant est trop long.");
        RuleFor(x => x.Email).NotEmpty().WithMessage("Saisissez votre adresse courriel.").MaximumLength(254).WithMessage("L'adresse courriel est trop longue.");
    }
}

internal sealed class RequestPasswordResetHandler(IDbContextOutbox<AccountsDbContext> outbox, TimeProvider clock, PortalOptions portal)
    : ICommandHandler<RequestPasswordReset, Result>
{
    /// <summary>Every answer takes at least this long, match or not: the duration tells nothing.</summary>
    internal static readonly TimeSpan MinimumDuration = TimeSpan.FromMilliseconds(700);

    public async ValueTask<Result> Handle(RequestPasswordReset command, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var db = outbox.DbContext;
        var identifier = command.Identifier.Trim().ToLowerInvariant();
        var email = command.Email.Trim();
        var account = await db.FamilyAccounts.SingleOrDefaultAsync(f => f.Identifier == identifier, cancellationToken);
        var matchingEmail = account?.EmailList.FirstOrDefault(e => string.Equals(e, email, StringComparison.OrdinalIgnoreCase));

        if (account is not null && matchingEmail is not null)
        {
            var now = clock.GetUtcNow();
            try
            {
                // A newer link supersedes the older ones, in one transaction with it; the unique index on an account's
                // valid link refuses a second one requested at the same moment (that request mails nothing: one link
                // is valid, the one mailed by the request that won).
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.PasswordLinks.Where(l => l.AccountId == account.Id && l.UsedAt == null && l.RevokedAt == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(l => l.RevokedAt, now), cancellationToken);
                var (link, token) = PasswordLink.Issue(account.Id, PasswordLinkReason.ForgottenPassword, now);
                db.PasswordLinks.Add(link);
                await outbox.PublishAsync(new PasswordLinkIssued(link.Id, account.Id, account.Identifier,
                    $"{account.HolderFirstName} {account.HolderLastName}", matchingEmail,
                    PasswordLinks.Url(portal, token), link.ExpiresAt, PasswordLinkReason.ForgottenPassword));
                await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
            }
            catch (Exception ex) when (DatabaseConflicts.IsConflict(ex))
            {
                // the concurrent request's link is the valid one; the answer stays the same
            }
        }

        var remaining = MinimumDuration - Stopwatch.GetElapsedTime(started);
        if (remaining > TimeSpan.Zero) await Task.Delay(remaining, cancellationToken);
        return Result.Success();
    }
}
