namespace PortailFamille.Dossier.Domain;

internal sealed record DocumentFormat(string Name, string ContentType, string Extension);

/// <summary>
/// Pièces justificatives: up to 4 files per piece, each at most 2000 KB (« 2000 ko, soit 1,95 Mo »),
/// PDF, JPEG, PNG or HEIC recognised by their first bytes, whatever their name says.
/// </summary>
internal static class DocumentRules
{
    public const int MaxFilesPerPiece = 4;
    public const long MaxBytes = 2000 * 1024;

    public static readonly DocumentFormat Pdf = new("PDF", "application/pdf", ".pdf");
    public static readonly DocumentFormat Jpeg = new("JPEG", "image/jpeg", ".jpg");
    public static readonly DocumentFormat Png = new("PNG", "image/png", ".png");
    public static readonly DocumentFormat Heic = new("HEIC", "image/heic", ".heic");

    private static readonly string[] HeifBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"];

    /// <summary>The format the content really has (magic bytes), or null when it is none of the accepted ones.</summary>
    public static DocumentFormat? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8)) return Pdf;
        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF) return Jpeg;
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        // ISO base media file: size (4 bytes), "ftyp", then the major brand.
        if (content.Length >= 12 && content.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            var brand = System.Text.Encoding.ASCII.GetString(content.Slice(8, 4));
            if (HeifBrands.Contains(brand)) return Heic;
        }

        return null;
    }

    /// <summary>Null when the file is accepted, else the code and the French message of the refusal.</summary>
    public static (string Code, string Message)? Check(string fileName, long length, ReadOnlySpan<byte> content, int alreadyStored, out DocumentFormat? format)
    {
        format = null;
        if (alreadyStored >= MaxFilesPerPiece)
            return ("dossier.too_many_files", $"« {fileName} » n'a pas été déposé : 4 fichiers au plus par pièce demandée. Supprimez-en un pour le remplacer.");
        if (length == 0)
            return ("dossier.empty_file", $"« {fileName} » est vide.");
        if (length > MaxBytes)
            return ("dossier.file_too_large", $"« {fileName} » dépasse 2000 ko (1,95 Mo) : réduisez sa taille ou scannez-le en moins bonne qualité.");
        format = Sniff(content);
        if (format is null)
            return ("dossier.file_type_refused", $"« {fileName} » n'est pas un PDF ni une image JPEG, PNG ou HEIC : son contenu a été vérifié, pas seulement son nom.");
        return null;
    }

    /// <summary>A display name without path or control characters, at most 150 characters.</summary>
    public static string SafeName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0) name = "document";
        return name.Length > 150 ? name[^150..] : name;
    }
}

/// <summary>Where documents' bytes live: outside the web root; the file system by default, a cloud store could implement it.</summary>
internal interface IDocumentStore
{
    Task SaveAsync(string key, byte[] content, CancellationToken cancellationToken);
    Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken);
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

internal sealed class FileSystemDocumentStore(DocumentStoreOptions options) : IDocumentStore
{
    public async Task SaveAsync(string key, byte[] content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content, cancellationToken);
    }

    public async Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (File.Exists(path)) File.Delete(path);
        var directory = Path.GetDirectoryName(path)!;
        if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any()) Directory.Delete(directory);
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        var root = Path.GetFullPath(options.Root);
        var path = Path.GetFullPath(Path.Combine(root, key));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException("A document key left the document store.");
        return path;
    }
}

internal sealed record DocumentStoreOptions(string Root);
