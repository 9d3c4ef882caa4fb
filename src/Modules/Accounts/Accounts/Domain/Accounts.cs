using PortailFamille.Accounts.Contracts;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Accounts.Domain;

/// <summary>A town or service running the portal; one site may host several.</summary>
internal sealed class Structure
{
    private Structure() { }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Town { get; private set; } = "";

    public static Structure Create(Guid id, string code, string name, string town) =>
        new() { Id = id, Code = code, Name = name, Town = town };
}

/// <summary>Compte famille: the parent's login; the people and children live in the Dossier module.</summary>
internal sealed class FamilyAccount
{
    private FamilyAccount() { }

    public Guid Id { get; private set; }
    public string Identifier { get; private set; } = "";
    public string PasswordHash { get; private set; } = "";
    public string HolderFirstName { get; private set; } = "";
    public string HolderLastName { get; private set; } = "";
    /// <summary>Separated by ';' as parents type them; the first one receives payment receipts.</summary>
    public string Emails { get; private set; } = "";
    public Guid StructureId { get; private set; }
    /// <summary>Staff-issued or legacy credentials: the first sign-in must choose a new password.</summary>
    public bool MustChangePassword { get; private set; }
    public DateTimeOffset? PasswordChangedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<string> EmailList =>
        Emails.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static FamilyAccount Create(Guid id, string identifier, string passwordHash, string firstName, string lastName, string emails,
        Guid structureId, bool mustChangePassword, DateTimeOffset now) => new()
    {
        Id = id,
        Identifier = identifier.Trim().ToLowerInvariant(),
        PasswordHash = passwordHash,
        HolderFirstName = firstName.Trim(),
        HolderLastName = lastName.Trim(),
        Emails = emails,
        StructureId = structureId,
        MustChangePassword = mustChangePassword,
        CreatedAt = now,
    };

    public void SetPassword(string passwordHash, DateTimeOffset now)
    {
        PasswordHash = passwordHash;
        PasswordChangedAt = now;
        MustChangePassword = false;
    }

    public void SetEmails(IReadOnlyList<string> emails) => Emails = string.Join(";", emails);

    public const string ErasedLastName = "Famille effacée";

    public bool IsErased => HolderLastName == ErasedLastName && Identifier == ErasedIdentifier(Id);

    public static string ErasedIdentifier(Guid id) => $"efface-{id:N}";

    /// <summary>
    /// RGPD erasure: nothing left that names or reaches the family (identifier, names, e-mails), and a password
    /// nobody knows. The id stays, so the ledger and the bookings kept for the public accounts refer to no one.
    /// </summary>
    public void Erase(string unusablePasswordHash, DateTimeOffset now)
    {
        Identifier = ErasedIdentifier(Id);
        HolderFirstName = "";
        HolderLastName = ErasedLastName;
        Emails = "";
        PasswordHash = unusablePasswordHash;
        PasswordChangedAt = now;
        MustChangePassword = false;
    }
}

internal sealed class StaffMember
{
    private StaffMember() { }

    public Guid Id { get; private set; }
    public string Identifier { get; private set; } = "";
    public string PasswordHash { get; private set; } = "";
    public string FullName { get; private set; } = "";
    public StaffRole Role { get; private set; }

    public static StaffMember Create(Guid id, string identifier, string passwordHash, string fullName, StaffRole role) => new()
    {
        Id = id,
        Identifier = identifier.Trim().ToLowerInvariant(),
        PasswordHash = passwordHash,
        FullName = fullName,
        Role = role,
    };
}

internal static class AccountErrors
{
    // One message for an unknown identifier and a wrong password: no account enumeration.
    public static readonly Error InvalidCredentials =
        Error.Validation("accounts.invalid_credentials", "Identifiant ou mot de passe incorrect.");

    public static readonly Error LockedOut = Error.TooManyAttempts("accounts.locked_out",
        "Après 5 tentatives infructueuses, la connexion est bloquée pendant 15 minutes. Réessayez plus tard ou réinitialisez votre mot de passe.");

    public static readonly Error Busy = Error.Busy("accounts.busy",
        "Beaucoup de familles se connectent en ce moment : réessayez dans quelques secondes. Votre demande n'a pas été comptée comme une erreur de mot de passe.");

    public static readonly Error WrongCurrentPassword =
        Error.Validation("accounts.wrong_current_password", "Le mot de passe actuel est incorrect.");

    public static readonly Error AccountNotFound = Error.NotFound("accounts.not_found", "Ce compte famille n'existe pas.");

    public static readonly Error LinkNotValid = Error.Validation("accounts.link_not_valid",
        "Ce lien n'est plus valable : il a expiré, a déjà servi ou a été remplacé par une demande plus récente. Demandez un nouveau lien.");

    public static readonly Error UnknownStructure = Error.NotFound("accounts.unknown_structure", "La structure choisie n'existe pas.");

    public static readonly Error UnknownLinkedAccount = Error.NotFound("accounts.unknown_linked_account", "Le compte de l'autre parent n'existe pas.");
}
