using PortailFamille.Accounts.Contracts;

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
