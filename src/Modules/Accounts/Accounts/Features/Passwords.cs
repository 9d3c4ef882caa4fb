using System.Diagnostics;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Domain;
using PortailFamille.Accounts.Persistence;
using PortailFamille.BuildingBlocks.Messaging;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.BuildingBlocks.Web;
using Wolverine.EntityFrameworkCore;

namespace PortailFamille.Accounts.Features;

internal static class NewPasswordRules
{
    /// <summary>The policy's rules, each with the guide's wording, plus the confirmation.</summary>
    public static void Apply<T>(AbstractValidator<T> validator, Func<T, string> password, Func<T, string> confirmation)
    {
        validator.RuleFor(x => password(x))
            .Custom((value, context) =>
            {
                foreach (var rule in PasswordPolicy.Broken(value))
                    context.AddFailure("NewPassword", $"Le mot de passe ne respecte pas la règle : {rule.Label}.");
            });
        validator.RuleFor(x => confirmation(x))
            .Must((x, c) => c == password(x))
            .WithName("Confirmation")
            .WithMessage("La confirmation ne correspond pas au nouveau mot de passe.");
    }
}

internal sealed class GetPasswordRulesHandler : IQueryHandler<GetPasswordRules, IReadOnlyList<PasswordRuleView>>
{
    public ValueTask<IReadOnlyList<PasswordRuleView>> Handle(GetPasswordRules query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<PasswordRuleView>>(PasswordPolicy.Rules.Select(r => new PasswordRuleView(r.Code, r.Label, r.Pattern)).ToList());
}

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

internal sealed class GetPasswordLinkStateHandler(AccountsDbContext db, TimeProvider clock) : IQueryHandler<GetPasswordLinkState, PasswordLinkState>
{
    public async ValueTask<PasswordLinkState> Handle(GetPasswordLinkState query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query.Token) || query.Token.Length > 200) return PasswordLinkState.Unknown;
        var hash = PasswordLink.HashOf(query.Token);
        var link = await db.PasswordLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        return link?.StateAt(clock.GetUtcNow()) ?? PasswordLinkState.Unknown;
    }
}

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

internal static class PasswordLinks
{
    public static string Url(PortalOptions portal, string token) => $"{portal.PublicUrl}/mot-de-passe/reinitialiser?jeton={Uri.EscapeDataString(token)}";

    public static async Task RevokeAllAsync(AccountsDbContext db, Guid accountId, DateTimeOffset now, CancellationToken ct)
    {
        var active = await db.PasswordLinks.Where(l => l.AccountId == accountId && l.UsedAt == null && l.RevokedAt == null).ToListAsync(ct);
        foreach (var link in active) link.Revoke(now);
    }
}

internal sealed class PurgePasswordLinksHandler(AccountsDbContext db, TimeProvider clock) : ICommandHandler<PurgePasswordLinks, int>
{
    /// <summary>Kept a week after they stop working, so "ce lien a déjà servi / a expiré" can still be told apart from a wrong link.</summary>
    internal static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    public async ValueTask<int> Handle(PurgePasswordLinks command, CancellationToken cancellationToken)
    {
        var limit = clock.GetUtcNow() - Retention;
        var dead = await db.PasswordLinks
            .Where(l => (l.UsedAt != null && l.UsedAt < limit) || (l.RevokedAt != null && l.RevokedAt < limit) || l.ExpiresAt < limit)
            .Select(l => l.Id)
            .ToListAsync(cancellationToken);
        if (dead.Count == 0) return 0;
        return await db.PasswordLinks.Where(l => dead.Contains(l.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>
/// The nightly occurrence of the password-link purge, registered by <see cref="AccountsModule.ScheduleAccountsJobs"/>.
/// Public because Wolverine only runs public handlers.
/// </summary>
public sealed record PasswordLinkPurgeDue(DateTimeOffset Occurrence) : IScheduledJob;

public static class PasswordLinkPurgeDueHandler // public: Wolverine only runs public handlers
{
    // Deleting what is already gone deletes nothing: a second delivery is harmless.
    public static async Task Handle(PasswordLinkPurgeDue due, ISender sender, ILogger<PasswordLinkPurgeDue> logger, CancellationToken cancellationToken)
    {
        var purged = await sender.Send(new PurgePasswordLinks(), cancellationToken);
        logger.LogInformation("Password link purge of {Occurrence:O}: {Count} dead links deleted", due.Occurrence, purged);
    }
}
