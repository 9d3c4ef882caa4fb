using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
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

    private async Task<Result<SignedInUser>> SignInAsync(SignIn command, CancellationToken cancellationToken)
    {
        var identifier = command.Identifier.Trim().ToLowerInvariant();
        var now = clock.GetUtcNow();
        var throttle = await db.SignInThrottles.SingleOrDefaultAsync(t => t.Identifier == identifier, cancellationToken);
        if (throttle is not null && throttle.IsLocked(now))
        {
            await hashing.VerifyAgainstDummyAsync(command.Password, cancellationToken); // a locked identifier costs the same as any other
            return AccountErrors.LockedOut;
        }

        var user = await CheckAsync(identifier, command.Password, cancellationToken);
        if (user is null)
        {
            if (throttle is null)
            {
                throttle = SignInThrottle.For(identifier, now);
                db.SignInThrottles.Add(throttle);
            }

            var locked = throttle.RecordFailure(now);
            await db.SaveChangesAsync(cancellationToken);
            return locked ? AccountErrors.LockedOut : AccountErrors.InvalidCredentials;
        }

        if (throttle is not null)
        {
            throttle.Reset(now);
            await db.SaveChangesAsync(cancellationToken);
        }

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

internal static class SignInGates
{
    /// <summary>First a new password (staff-issued or legacy credentials), then the current notices.</summary>
    public static async Task<SignInGate> ForAsync(AccountsDbContext db, FamilyAccount family, CancellationToken ct)
    {
        if (family.MustChangePassword) return SignInGate.ChangePassword;
        var pending = await PendingConsents.ForAsync(db, family.Id, ct);
        return pending.Count > 0 ? SignInGate.AcceptConsents : SignInGate.None;
    }
}

internal sealed class GetSignInGateHandler(AccountsDbContext db) : IQueryHandler<GetSignInGate, SignInGate>
{
    public async ValueTask<SignInGate> Handle(GetSignInGate query, CancellationToken cancellationToken)
    {
        var family = await db.FamilyAccounts.AsNoTracking().SingleOrDefaultAsync(f => f.Id == query.AccountId, cancellationToken);
        return family is null ? SignInGate.None : await SignInGates.ForAsync(db, family, cancellationToken);
    }
}

/// <summary>
/// ASP.NET Core Identity's PBKDF2 hasher (salted, slow); shared by sign-in and seeding. A check costs tens
/// of milliseconds of CPU: checks run one per core and the others wait their turn without holding a thread
/// (the bench showed a rush of sign-ins starving the thread pool, so every other request waited too). The
/// wait is the same whatever the account: timing still tells nothing. Past <see cref="MaxWaiting"/> waiting
/// checks (128 per core: about 7 s of work at 55–60 ms a check), a new one is refused at once
/// (<see cref="PasswordChecksSaturatedException"/>, a 503 « réessayez »): a parent in a rush of 200 waits a
/// few seconds and gets in; at an opening where more arrive than the cores can check, those let in still
/// get in within seconds and the others are told to retry instead of waiting until their browser gives up.
/// (At 32 per core, about 2 s, the 200-parent rush turned 204 parents away six times in a row.)
/// </summary>
internal sealed class PasswordHashing(int maxWaiting)
{
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(new object(), "Dummy-Password-1"));
    private readonly SemaphoreSlim _cores = new(Environment.ProcessorCount, Environment.ProcessorCount);
    private int _waiting;

    public PasswordHashing() : this(Environment.ProcessorCount * 128)
    {
    }

    public int MaxWaiting { get; } = maxWaiting;

    internal int FreeCores => _cores.CurrentCount;

    public async Task<bool> VerifyAsync(string hash, string password, CancellationToken ct)
    {
        await EnterAsync(ct);
        try
        {
            return Verify(hash, password);
        }
        finally
        {
            _cores.Release();
        }
    }

    public async Task VerifyAgainstDummyAsync(string password, CancellationToken ct)
    {
        await EnterAsync(ct);
        try
        {
            VerifyAgainstDummy(password);
        }
        finally
        {
            _cores.Release();
        }
    }

    private async Task EnterAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (_cores.Wait(0)) return; // a core is free
        if (Interlocked.Increment(ref _waiting) > MaxWaiting)
        {
            Interlocked.Decrement(ref _waiting);
            throw new PasswordChecksSaturatedException();
        }

        try
        {
            await _cores.WaitAsync(ct);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    public string Hash(string password) => Hasher.HashPassword(new object(), password);

    public bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(new object(), hash, password) != PasswordVerificationResult.Failed;

    public void VerifyAgainstDummy(string password) => Hasher.VerifyHashedPassword(new object(), DummyHash.Value, password);
}

internal sealed class PasswordChecksSaturatedException() : Exception("Too many password checks waiting: sign-in refused for a moment.");
