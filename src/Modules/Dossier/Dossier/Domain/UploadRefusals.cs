using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Dossier.Domain;

/// <summary>The refusals of an upload: one place for their codes and French messages, at the upload and after its redirect.</summary>
internal static class UploadRefusals
{
    public const string TooManyFiles = "dossier.too_many_files";
    public const string EmptyFile = "dossier.empty_file";
    public const string FileTooLarge = "dossier.file_too_large";
    public const string FileTypeRefused = "dossier.file_type_refused";

    public static readonly Error NoFile = Error.Validation("dossier.no_file", "Choisissez au moins un fichier à déposer.");

    public const string Unknown = "Le dépôt n'a pas été accepté. Rechargez la page et recommencez.";

    public static (string Code, string Message) Of(string code, string fileName) => (code, Message(code, fileName));

    public static string Message(string code, string fileName) => code switch
    {
        TooManyFiles => $"« {fileName} » n'a pas été déposé : {DocumentRules.MaxFilesPerPiece} fichiers au plus par pièce demandée. Supprimez-en un pour le remplacer.",
        EmptyFile => $"« {fileName} » est vide.",
        FileTooLarge => $"« {fileName} » dépasse 2000 ko (1,95 Mo) : réduisez sa taille ou scannez-le en moins bonne qualité.",
        FileTypeRefused => $"« {fileName} » n'est pas un PDF ni une image JPEG, PNG ou HEIC : son contenu a été vérifié, pas seulement son nom.",
        "dossier.no_file" => NoFile.Message,
        "dossier.concurrent_upload" => DossierErrors.ConcurrentUpload.Message,
        _ => Unknown,
    };
}
