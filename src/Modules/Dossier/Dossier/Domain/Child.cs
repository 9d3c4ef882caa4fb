namespace PortailFamille.Dossier.Domain;

/// <summary>Enfant: belongs to the family file; several family accounts may be linked to it later (separated parents).</summary>
internal sealed class Child
{
    private Child() { }

    public Guid Id { get; private set; }
    public Guid FamilyAccountId { get; private set; }
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public DateOnly BirthDate { get; private set; }
    public string School { get; private set; } = "";
    public string Grade { get; private set; } = "";

    public static Child Register(Guid id, Guid familyAccountId, string firstName, string lastName, DateOnly birthDate, string school, string grade) => new()
    {
        Id = id,
        FamilyAccountId = familyAccountId,
        FirstName = firstName,
        LastName = lastName,
        BirthDate = birthDate,
        School = school,
        Grade = grade,
    };
}
