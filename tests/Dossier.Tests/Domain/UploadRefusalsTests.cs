using PortailFamille.Dossier.Domain;

namespace PortailFamille.Dossier.Tests.Domain;

/// <summary>An upload's refusals are worded once, by the module: at the upload, and again from their codes after its redirect.</summary>
public sealed class UploadRefusalsTests
{
    public static TheoryData<string, long, byte[], int> RefusedFiles => new()
    {
        { "cinquieme.pdf", 100, [.. "%PDF-1.7"u8.ToArray(), 0, 0], 4 },
        { "vide.pdf", 0, [], 0 },
        { "trop-gros.pdf", DocumentRules.MaxBytes + 1, [], 0 },
        { "programme.pdf", 4, [0x4D, 0x5A, 0x90, 0x00], 0 },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public void A_refused_file_is_worded_the_same_from_its_code_as_at_the_upload(string name, long length, byte[] content, int alreadyStored)
    {
        var refusal = DocumentRules.Check(name, length, content, alreadyStored, out _)!.Value;

        Assert.Equal(refusal.Message, UploadRefusals.Message(refusal.Code, name));
        Assert.Contains($"« {name} »", refusal.Message);
    }

    [Fact]
    public void A_refused_upload_is_worded_with_the_modules_error()
    {
        Assert.Equal("Choisissez au moins un fichier à déposer.", UploadRefusals.Message("dossier.no_file", ""));
        Assert.Equal(DossierErrors.ConcurrentUpload.Message, UploadRefusals.Message(DossierErrors.ConcurrentUpload.Code, ""));
    }

    [Fact]
    public void An_unknown_code_gets_the_generic_message_and_no_file_name()
    {
        Assert.Equal(UploadRefusals.Unknown, UploadRefusals.Message("dossier.form_submitted", "x.pdf"));
        Assert.Equal(UploadRefusals.Unknown, UploadRefusals.Message("<script>", "x.pdf"));
    }
}
