using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mediator;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Billing.Contracts;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Dossier.Features;

/// <summary>RGPD: the family's data as JSON and its documents as files; the other modules' data asked through their contracts.</summary>
internal sealed class ExportFamilyDataHandler(ISender sender, TimeProvider clock) : IQueryHandler<ExportFamilyData, FamilyDataExport>
{
    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async ValueTask<FamilyDataExport> Handle(ExportFamilyData query, CancellationToken cancellationToken)
    {
        var familyAccountId = query.FamilyAccountId;
        var now = clock.GetUtcNow();
        var dossier = await sender.Send(new ExportDossierData(familyAccountId), cancellationToken);
        var data = new
        {
            exportedAt = now,
            account = await sender.Send(new GetFamilyAccount(familyAccountId), cancellationToken),
            children = dossier.Children,
            forms = dossier.Forms,
            contacts = dossier.Contacts,
            quotients = dossier.Quotients,
            documents = dossier.Documents.Select(d => new { d.Id, d.FormId, d.Piece, d.FileName, d.ContentType, file = DocumentPath(d) }),
            wallets = await sender.Send(new GetWalletBalances(familyAccountId), cancellationToken),
            bookings = await sender.Send(new ListBookings(familyAccountId), cancellationToken),
        };
        List<ExportFile> files = [new("donnees.json", JsonSerializer.SerializeToUtf8Bytes(data, ExportJson))];
        files.AddRange(dossier.Documents.Select(d => new ExportFile(DocumentPath(d), d.Content)));
        return new FamilyDataExport($"mes-donnees-portail-famille-{now:yyyy-MM-dd}.zip", files);
    }

    private static string DocumentPath(ExportedDocument document) => $"documents/{document.Id}-{document.FileName}";
}
