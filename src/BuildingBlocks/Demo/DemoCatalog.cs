using System.Security.Cryptography;
using System.Text;

namespace PortailFamille.BuildingBlocks.Demo;

/// <summary>
/// The demo town shared by every module's seeder: the same deterministic ids everywhere, so that
/// each module seeds its own tables and the pieces still fit (no module reads another's tables).
/// </summary>
public static class DemoCatalog
{
    public const string TownName = "Ville de Cestas";
    public const string FamilyPassword = "Cestas2024";
    public const string StaffPassword = "Gestion2024";

    public sealed record DemoStructure(Guid Id, string Code, string Name);
    public sealed record DemoFamily(int Number, Guid Id, string Identifier, string LastName, string HolderFirstName, string Email, int StructureIndex, IReadOnlyList<DemoChild> Children)
    {
        /// <summary>Family 30 still has legacy credentials: its first sign-in asks for a new password, then the notices.</summary>
        public bool MustChangePassword => Number == 30;
    }

    /// <summary>The other parent of a separated couple: own account, same children (linked by the Dossier module).</summary>
    public sealed record DemoOtherParent(Guid Id, string Identifier, string FirstName, string LastName, string Email, int FamilyNumber);
    public sealed record DemoChild(Guid Id, string FirstName, DateOnly BirthDate, string School, string Grade);
    public sealed record DemoStaff(Guid Id, string Identifier, string FullName, string Role);

    public static readonly DemoStructure Education = new(IdFor("structure", 1), "EDUCATION", "Ville de Cestas – Éducation Jeunesse");
    public static readonly DemoStructure Leisure = new(IdFor("structure", 2), "LOISIRS", "Ville de Cestas – Centre de loisirs");
    public static IReadOnlyList<DemoStructure> Structures { get; } = [Education, Leisure];

    public static IReadOnlyList<DemoStaff> Staff { get; } =
    [
        new(IdFor("staff", 1), "agent.education", "Claire MARTIN", "AgentEducation"),
        new(IdFor("staff", 2), "regie", "Paul LEROY", "Cashier"),
        new(IdFor("staff", 3), "admin", "Sophie BERNARD", "Administrator"),
    ];

    private static readonly string[] LastNames =
    [
        "DUPONT", "MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU",
        "LAURENT", "SIMON", "MICHEL", "LEFEBVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL", "FOURNIER",
        "GIRARD", "BONNET", "DUPUIS", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MULLER", "LEFEVRE", "FAURE",
    ];

    private static readonly string[] HolderFirstNames =
    [
        "Jean-Paul", "Nathalie", "Karim", "Isabelle", "Sébastien", "Aurélie", "Mehdi", "Céline", "Julien", "Sandrine",
        "Nicolas", "Émilie", "Thomas", "Laetitia", "Olivier", "Audrey", "Yann", "Stéphanie", "Guillaume", "Élodie",
        "Fabien", "Caroline", "Jérôme", "Virginie", "Cédric", "Marion", "Romain", "Anaïs", "Damien", "Hélène",
    ];

    private static readonly string[] ChildFirstNames =
    [
        "Amalia", "Paolo", "Liou", "Antoine", "Léa", "Hugo", "Chloé", "Lucas", "Manon", "Louis",
        "Jade", "Gabriel", "Inès", "Raphaël", "Lina", "Arthur", "Emma", "Jules", "Alice", "Adam",
        "Rose", "Nathan", "Zoé", "Tom", "Louise", "Ethan", "Camille", "Noah", "Sarah", "Léo",
        "Anna", "Sacha", "Juliette", "Maël", "Lou", "Timéo", "Agathe", "Nolan", "Mila", "Enzo",
        "Ambre", "Théo", "Romane", "Axel", "Iris", "Victor", "Nina", "Marius", "Elsa", "Oscar",
        "Margaux", "Robin",
    ];

    private static readonly string[] Schools = ["École Bourg", "École Pierrettes", "École Réjouit", "École Parc"];

    /// <summary>Marie DUPONT, separated from Jean-Paul DUPONT (family 1), books her own custody days.</summary>
    public static readonly DemoOtherParent OtherParent = new(IdFor("other-parent", 1), "famille01b", "Marie", "DUPONT", "famille01b@exemple.fr", 1);

    /// <summary>30 families, 52 children; family 1 is the guides' DUPONT Jean-Paul with Amalia and Paolo.</summary>
    public static IReadOnlyList<DemoFamily> Families { get; } = BuildFamilies();

    public static Guid IdFor(string kind, int number)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes($"portail-famille-demo/{kind}/{number}"));
        return new Guid(hash);
    }

    private static List<DemoFamily> BuildFamilies()
    {
        int[] childCounts = [2, 1, 2, 1, 3, 2, 1, 2, 2, 1, 2, 1, 3, 2, 1, 2, 1, 2, 2, 1, 2, 1, 3, 2, 1, 2, 2, 1, 2, 2];
        var families = new List<DemoFamily>();
        var childNumber = 0;
        for (var i = 0; i < LastNames.Length; i++)
        {
            var number = i + 1;
            var children = new List<DemoChild>();
            for (var c = 0; c < childCounts[i]; c++)
            {
                var firstName = ChildFirstNames[childNumber % ChildFirstNames.Length];
                childNumber++;
                // Ages 3 to 11 in September 2024: maternelle and élémentaire.
                var age = 3 + (childNumber * 7 % 9);
                var birth = new DateOnly(2024 - age, 1 + childNumber * 5 % 12, 1 + childNumber * 11 % 28);
                var grade = age switch { 3 => "PS", 4 => "MS", 5 => "GS", 6 => "CP", 7 => "CE1", 8 => "CE2", 9 => "CM1", 10 => "CM2", _ => "CM2" };
                children.Add(new DemoChild(IdFor("child", childNumber), firstName, birth, Schools[(i + c) % Schools.Length], grade));
            }

            var identifier = $"famille{number:00}";
            families.Add(new DemoFamily(
                number,
                IdFor("family", number),
                identifier,
                LastNames[i],
                HolderFirstNames[i],
                $"{identifier}@exemple.fr",
                StructureIndex: number % 5 == 0 ? 1 : 0,
                children));
        }

        return families;
    }
}
