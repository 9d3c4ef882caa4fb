using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Features;

namespace PortailFamille.Dossier.Tests.Features;

public sealed class GetUploadRefusalMessagesTests
{
    [Fact]
    public async Task Words_each_refusal_in_french_in_the_order_given()
    {
        var messages = await new GetUploadRefusalMessagesHandler().Handle(new GetUploadRefusalMessages(
        [
            new UploadRefusalNotice("dossier.file_too_large", "trop-gros.pdf"),
            new UploadRefusalNotice("dossier.empty_file", "vide.png"),
        ]), CancellationToken.None);

        Assert.Equal(["« trop-gros.pdf » dépasse 2000 ko (1,95 Mo) : réduisez sa taille ou scannez-le en moins bonne qualité.", "« vide.png » est vide."], messages);
    }
}
