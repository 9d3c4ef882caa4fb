using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;

namespace PortailFamille.Dossier.Tests.Domain;

public sealed class DocumentRulesTests
{
    private static byte[] Pdf(int size = 100) => Fill("%PDF-1.7\n"u8.ToArray(), size);
    private static byte[] Fill(byte[] head, int size)
    {
        var bytes = new byte[size];
        head.CopyTo(bytes, 0);
        return bytes;
    }

    [Fact]
    public void Pdf_jpeg_png_and_heic_are_recognised_by_their_first_bytes()
    {
        Assert.Equal(DocumentRules.Pdf, DocumentRules.Sniff(Pdf()));
        Assert.Equal(DocumentRules.Jpeg, DocumentRules.Sniff(Fill([0xFF, 0xD8, 0xFF, 0xE0], 50)));
        Assert.Equal(DocumentRules.Png, DocumentRules.Sniff(Fill([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 50)));
        Assert.Equal(DocumentRules.Heic, DocumentRules.Sniff(Fill([0, 0, 0, 0x18, .. "ftypheic"u8.ToArray()], 50)));
    }

    [Fact]
    public void A_program_renamed_pdf_is_refused_on_its_content()
    {
        var exe = Fill([0x4D, 0x5A, 0x90, 0x00], 1000); // "MZ": a Windows executable

        var refusal = DocumentRules.Check("attestation.pdf", exe.Length, exe, 0, out var format);

        Assert.Null(format);
        Assert.Equal("dossier.file_type_refused", refusal!.Value.Code);
        Assert.Contains("attestation.pdf", refusal.Value.Message);
    }

    [Fact]
    public void A_file_of_exactly_2000_KB_is_accepted_and_one_byte_more_is_refused()
    {
        Assert.Null(DocumentRules.Check("a.pdf", 2000 * 1024, Pdf(2000 * 1024), 0, out _));
        Assert.Equal("dossier.file_too_large", DocumentRules.Check("b.pdf", 2000 * 1024 + 1, Pdf(2000 * 1024 + 1), 0, out _)!.Value.Code);
    }

    [Fact]
    public void A_fifth_file_for_one_piece_is_refused()
    {
        Assert.Null(DocumentRules.Check("4.pdf", 100, Pdf(), 3, out _));
        Assert.Equal("dossier.too_many_files", DocumentRules.Check("5.pdf", 100, Pdf(), 4, out _)!.Value.Code);
    }

    [Fact]
    public void Names_lose_their_path_and_control_characters()
    {
        Assert.Equal("avis.pdf", DocumentRules.SafeName("..\\..\\avis.pdf"));
        Assert.Equal("avis.pdf", DocumentRules.SafeName("/etc/avis\u0000.pdf"));
        Assert.Equal("document", DocumentRules.SafeName(""));
    }

    [Theory]
    [InlineData("x.html", "x.png")]
    [InlineData("photo.PNG", "photo.PNG")]
    [InlineData("scan", "scan.png")]
    [InlineData("scan.", "scan.png")]
    [InlineData(".htaccess", "document.png")]
    [InlineData("bulletin.pdf", "bulletin.png")]
    [InlineData("..\\page.svg", "page.png")]
    public void A_png_is_named_png_whatever_name_it_was_sent_with(string uploaded, string stored) =>
        Assert.Equal(stored, DocumentRules.NameFor(uploaded, DocumentRules.Png));

    [Fact]
    public void An_extension_of_the_same_format_is_kept_as_typed_and_an_accented_name_is_kept_whole()
    {
        Assert.Equal("photo.jpeg", DocumentRules.NameFor("photo.jpeg", DocumentRules.Jpeg));
        Assert.Equal("IMG_0001.HEIF", DocumentRules.NameFor("IMG_0001.HEIF", DocumentRules.Heic));
        Assert.Equal("Avis d'impôt 2024 – été.pdf", DocumentRules.NameFor("Avis d'impôt 2024 – été.pdf", DocumentRules.Pdf));
        Assert.Equal("Avis d'impôt 2024 – été.pdf", DocumentRules.NameFor("Avis d'impôt 2024 – été.exe", DocumentRules.Pdf));
    }

    [Fact]
    public void A_long_name_given_the_extension_of_its_content_stays_within_150_characters()
    {
        var renamed = DocumentRules.NameFor(new string('a', 200) + ".html", DocumentRules.Pdf);
        var completed = DocumentRules.NameFor(new string('a', 200), DocumentRules.Pdf);

        Assert.Equal(new string('a', 145) + ".pdf", renamed); // the last 150 characters kept, then the extension replaced
        Assert.Equal(new string('a', 146) + ".pdf", completed);
    }

    [Fact]
    public void A_document_stored_under_a_png_content_keeps_a_png_name()
    {
        var form = Form.Create(Guid.NewGuid(), Guid.NewGuid(), FormKind.Insurance, DateTimeOffset.UnixEpoch);

        var document = SupportingDocument.Add(form, DocumentPiece.InsuranceCertificate, "x.html", DocumentRules.Png, 64, DateTimeOffset.UnixEpoch);

        Assert.Equal("x.png", document.FileName);
        Assert.Equal("x.png", document.ToView().FileName);
        Assert.Equal("image/png", document.ContentType);
    }
}
