namespace PortailFamille.Dossier.Domain;

/// <summary>An accepted format: <paramref name="Extension"/> is the one given to names that have none of <paramref name="Extensions"/>.</summary>
internal sealed record DocumentFormat(string Name, string ContentType, string Extension, params string[] Extensions);

/// <summary>
/// Pièces justificatives: up to 4 files per piece, each at most 2000 KB (« 2000 ko, soit 1,95 Mo »),
/// PDF, JPEG, PNG or HEIC recognised by their first bytes, whatever their name says.
/// </summary>
internal static class DocumentRules
{
    public const int MaxFilesPerPiece = 4;
    public const long MaxBytes = 2000 * 1024;

    public const int MaxNameLength = 150;

    public static readonly DocumentFormat Pdf = new("PDF", "application/pdf", ".pdf", ".pdf");
    public static readonly DocumentFormat Jpeg = new("JPEG", "image/jpeg", ".jpg", ".jpg", ".jpeg", ".jpe", ".jfif");
    public static readonly DocumentFormat Png = new("PNG", "image/png", ".png", ".png");
    public static readonly DocumentFormat Heic = new("HEIC", "image/heic", ".heic", ".heic", ".heif");

    private static readonly DocumentFormat[] Formats = [Pdf, Jpeg, Png, Heic];

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
            return UploadRefusals.Of(UploadRefusals.TooManyFiles, fileName);
        if (length == 0)
            return UploadRefusals.Of(UploadRefusals.EmptyFile, fileName);
        if (length > MaxBytes)
            return UploadRefusals.Of(UploadRefusals.FileTooLarge, fileName);
        format = Sniff(content);
        if (format is null)
            return UploadRefusals.Of(UploadRefusals.FileTypeRefused, fileName);
        return null;
    }

    /// <summary>A display name without path or control characters, at most 150 characters.</summary>
    public static string SafeName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0) name = "document";
        return name.Length > MaxNameLength ? name[^MaxNameLength..] : name;
    }

    /// <summary>
    /// The name a document is kept, listed and downloaded under: the family's name whose extension says what the
    /// content is. A PNG sent as « x.html » becomes « x.png »: the misleading extension is replaced, not kept in front
    /// (« x.html.png » shows as « x.html » where known extensions are hidden, and some servers honour every extension).
    /// An extension of the same format is kept as typed (« photo.JPEG »).
    /// </summary>
    public static string NameFor(string? uploadedName, DocumentFormat format)
    {
        var name = SafeName(uploadedName);
        var extension = Path.GetExtension(name);
        if (format.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase)) return name;
        var stem = name[..^extension.Length].TrimEnd('.', ' ');
        if (stem.Length == 0) stem = "document";
        var room = MaxNameLength - format.Extension.Length;
        return (stem.Length > room ? stem[..room] : stem) + format.Extension;
    }

    /// <summary>The accepted format stored under this content type (null for none).</summary>
    public static DocumentFormat? FormatOf(string contentType) =>
        Formats.FirstOrDefault(f => string.Equals(f.ContentType, contentType, StringComparison.OrdinalIgnoreCase));
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
