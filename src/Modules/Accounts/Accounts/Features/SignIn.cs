using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Domain;
using PortailFamille.Accounts.Persistence;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Accounts.Features;

internal sealed class SignInValidator : AbstractValidator<SignIn>
{
    public SignInValidator()
    {
        RuleFor(x => x.Identifier).NotEmpty().WithMessage("Saisissez votre identifiant.").MaximumLength(100).WithMessage("Identifiant ou mot de passe incorrect.");
        RuleFor(x => x.Password).NotEmpty().WithMessage("Saisissez votre mot de passe.").MaximumLength(100).WithMessage("Identifiant ou mot de passe incorrect.");
    }
}

internal sealed class SignInHandler(AccountsDbContext db, PasswordHashing hashing, TimeProvider clock) : ICommandHandler<SignIn, Result<SignedInUser>>
{
    public async ValueTask<Result<SignedInUser>> Handle(SignIn command, CancellationToken cancellationToken)
    {
        try
        {
            return await SignInAsync(command, cancellationToken);
        }
        catch (PasswordChecksSaturatedException)
        {
            // Nothing recorded: a saturated moment is not a failed attempt.
            return AccountErrors.Busy;
        }
    }

    /// <summary>
    /// Each attempt first takes one of the identifier's 5 attempts of the window by a conditional update of its
    /// throttle row (affected rows decide): concurrent guesses are counted one by one, and the sixth within 15
    /// minutes is refused before any password is checked, whatever the concurrency. A right password gives the
    /// attempts back; the fifth wrong one locks the identifier for 15 minutes.
    /// </summary>
    private async Task<Result<SignedInUser>> SignInAsync(SignIn command, CancellationToken cancellationToken)
    {
        var identifier = command.Identifier.Trim().ToLowerInvariant();
        var now = clock.GetUtcNow();
        if (!await SignInAttempts.TakeAsync(db, identifier, now, cancellationToken))
        {
            await hashing.VerifyAgainstDummyAsync(command.Password, cancellationToken); // a locked identifier costs the same as any other
            return AccountErrors.LockedOut;
        }

        SignedInUser? user;
        try
        {
            user = await CheckAsync(identifier, command.Password, cancellationToken);
        }
        catch (PasswordChecksSaturatedException)
        {
            await SignInAttempts.GiveBackAsync(db, identifier, cancellationToken); // not checked: not an attempt
            throw;
        }

        if (user is null)
            return await SignInAttempts.LockIfSpentAsync(db, identifier, now, cancellationToken) ? AccountErrors.LockedOut : AccountErrors.InvalidCredentials;

        await SignInAttempts.ResetAsync(db, identifier, now, cancellationToken);
        return user;
    }

    private async Task<SignedInUser?> CheckAsync(string identifier, string password, CancellationToken ct)
    {
        var family = await db.FamilyAccounts.AsNoTracking().SingleOrDefaultAsync(f => f.Identifier == identifier, ct);
        if (family is not null)
        {
            if (!await hashing.VerifyAsync(family.PasswordHash, password, ct)) return null;
            var gate = await SignInGates.ForAsync(db, family, ct);
            return new SignedInUser(family.Id, UserKind.Family, $"{family.HolderFirstName} {family.HolderLastName}", family.Id, family.StructureId, null, gate);
        }

        var staff = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Identifier == identifier, ct);
        if (staff is not null)
        {
            return await hashing.VerifyAsync(staff.PasswordHash, password, ct)
                ? new SignedInUser(staff.Id, UserKind.Staff, staff.FullName, null, null, staff.Role, SignInGate.None)
                : null;
        }

        await hashing.VerifyAgainstDummyAsync(password, ct); // same cost as a real check: timing tells nothing
        return null;
    }
}

/// <summary>The throttle row of an identifier (kept whether the identifier exists or not), moved by conditional updates only.</summary>
internal static class SignInAttempts
{
    /// <summary>True when an attempt was left and is now taken (counted as a failure until the password says otherwise).</summary>
    public static async Task<bool> TakeAsync(AccountsDbContext db, string identifier, DateTimeOffset now, CancellationToken ct)
    {
        await EnsureRowAsync(db, identifier, now, ct);
        var windowStart = now - SignInThrottle.Window;
        // A new window when the last one is over, or when the lock it ended with has elapsed.
        var taken = await db.SignInThrottles
            .Where(t => t.Identifier == identifier && !(t.LockedUntil != null && t.LockedUntil > now)
                && (t.WindowStartedAt < windowStart || t.LockedUntil != null || t.Failures < SignInThrottle.MaxFailures))
            .ExecuteUpdateAsync(u => u
                .SetProperty(t => t.Failures, t => t.WindowStartedAt < windowStart || t.LockedUntil != null ? 1 : t.Failures + 1)
                .SetProperty(t => t.WindowStartedAt, t => t.WindowStartedAt < windowStart || t.LockedUntil != null ? now : t.WindowStartedAt)
                .SetProperty(t => t.LockedUntil, (DateTimeOffset?)null), ct);
        return taken == 1;
    }

    /// <summary>After a wrong password: true when it was the last attempt of the window, which locks the identifier.</summary>
    public static async Task<bool> LockIfSpentAsync(AccountsDbContext db, string identifier, DateTimeOffset now, CancellationToken ct)
    {
        var lockedUntil = now + SignInThrottle.LockDuration;
        var locked = await db.SignInThrottles
            .Where(t => t.Identifier == identifier && t.Failures >= SignInThrottle.MaxFailures && t.LockedUntil == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.LockedUntil, lockedUntil), ct);
        return locked == 1;
    }

    public static async Task ResetAsync(AccountsDbContext db, string identifier, DateTimeOffset now, CancellationToken ct) =>
        await db.SignInThrottles.Where(t => t.Identifier == identifier)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.Failures, 0).SetProperty(t => t.WindowStartedAt, now).SetProperty(t => t.LockedUntil, (DateTimeOffset?)null), ct);

    public static async Task GiveBackAsync(AccountsDbContext db, string identifier, CancellationToken ct) =>
        await db.SignInThrottles.Where(t => t.Identifier == identifier && t.Failures > 0 && t.LockedUntil == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.Failures, t => t.Failures - 1), ct);

    /// <summary>The first attempt of an identifier creates its row; another request creating it at the same moment is fine.</summary>
    private static async Task EnsureRowAsync(AccountsDbContext db, string identifier, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.SignInThrottles.AsNoTracking().AnyAsync(t => t.Identifier == identifier, ct)) return;
        db.SignInThrottles.Add(SignInThrottle.For(identifier, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // created by a concurrent attempt: the unique key on the identifier kept one row
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
