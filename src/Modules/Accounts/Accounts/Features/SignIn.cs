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

internal sealed class SignInHandler(AccountsDbContext db, PasswordHashing hashing) : ICommandHandler<SignIn, Result<SignedInUser>>
{
    public async ValueTask<Result<SignedInUser>> Handle(SignIn command, CancellationToken cancellationToken)
    {
        var identifier = command.Identifier.Trim().ToLowerInvariant();

        var family = await db.FamilyAccounts.AsNoTracking().SingleOrDefaultAsync(f => f.Identifier == identifier, cancellationToken);
        if (family is not null)
        {
            return hashing.Verify(family.PasswordHash, command.Password)
                ? new SignedInUser(family.Id, UserKind.Family, $"{family.HolderFirstName} {family.HolderLastName}", family.Id, family.StructureId, null)
                : AccountErrors.InvalidCredentials;
        }

        var staff = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Identifier == identifier, cancellationToken);
        if (staff is not null)
        {
            return hashing.Verify(staff.PasswordHash, command.Password)
                ? new SignedInUser(staff.Id, UserKind.Staff, staff.FullName, null, null, staff.Role)
                : AccountErrors.InvalidCredentials;
        }

        hashing.VerifyAgainstDummy(command.Password); // same cost as a real check: timing tells nothing
        return AccountErrors.InvalidCredentials;
    }
}

/// <summary>ASP.NET Core Identity's PBKDF2 hasher (salted, slow); shared by sign-in and seeding.</summary>
internal sealed class PasswordHashing
{
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(new object(), "Dummy-Password-1"));

    public string Hash(string password) => Hasher.HashPassword(new object(), password);

    public bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(new object(), hash, password) != PasswordVerificationResult.Failed;

    public void VerifyAgainstDummy(string password) => Hasher.VerifyHashedPassword(new object(), DummyHash.Value, password);
}
