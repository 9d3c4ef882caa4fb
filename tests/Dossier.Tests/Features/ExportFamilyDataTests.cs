using System.Text;
using System.Text.Json;
using Mediator;
using Microsoft.Extensions.Time.Testing;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Billing.Contracts;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Features;
using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Dossier.Tests.Features;

/// <summary>RGPD « mes données »: which data and which files the export holds is the Dossier module's decision.</summary>
public sealed class ExportFamilyDataTests
{
    private static readonly Guid Family = Guid.NewGuid();
    private static readonly ExportedDocument Attestation = new(Guid.NewGuid(), Guid.NewGuid(), DocumentPiece.InsuranceCertificate,
        "attestation.pdf", "application/pdf", "%PDF-1.7 attestation"u8.ToArray());

    [Fact]
    public async Task Holds_the_data_of_every_module_as_json_and_each_document_as_a_file()
    {
        var modules = new ModuleAnswers();
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 9, 16, 8, 30, 0, TimeSpan.Zero));

        var export = await new ExportFamilyDataHandler(modules, clock).Handle(new ExportFamilyData(Family), CancellationToken.None);

        Assert.Equal("mes-donnees-portail-famille-2024-09-16.zip", export.FileName);
        Assert.Equal(["donnees.json", $"documents/{Attestation.Id}-attestation.pdf"], export.Files.Select(f => f.Path));
        Assert.Equal(Attestation.Content, export.Files[1].Content);
        using var json = JsonDocument.Parse(export.Files[0].Content);
        var root = json.RootElement;
        Assert.Equal(["exportedAt", "account", "children", "forms", "contacts", "quotients", "documents", "wallets", "bookings"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal($"documents/{Attestation.Id}-attestation.pdf", root.GetProperty("documents")[0].GetProperty("file").GetString());
        Assert.Equal("InsuranceCertificate", root.GetProperty("documents")[0].GetProperty("piece").GetString());
        Assert.False(root.GetProperty("documents")[0].TryGetProperty("content", out _)); // the bytes are files, not JSON
        // Every other module was asked through its contract, for this family only.
        Assert.Equal(["ExportDossierData", "GetFamilyAccount", "GetWalletBalances", "ListBookings"], modules.Asked.Select(q => q.GetType().Name));
        Assert.All(modules.Asked, q => Assert.Equal(Family, (Guid)q.GetType().GetProperty("FamilyAccountId")!.GetValue(q)!));
        Assert.Contains("é", Encoding.UTF8.GetString(export.Files[0].Content)); // French kept readable, not \u00e9
    }

    private sealed class ModuleAnswers : ISender
    {
        public List<object> Asked { get; } = [];

        public ValueTask<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default)
        {
            Asked.Add(query);
            object? answer = query switch
            {
                ExportDossierData => new DossierDataExport(
                    [new ChildView(Guid.NewGuid(), Family, "Léa", "DUPONT", new DateOnly(2017, 3, 4), "École Jules Ferry", "CE2")], [], [], [], [Attestation]),
                GetFamilyAccount => null,
                GetWalletBalances => new List<WalletBalanceView>(),
                ListBookings => new List<BookingLineView>(),
                _ => throw Unexpected(query),
            };
            return ValueTask.FromResult((TResponse)answer!);
        }

        public ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default) => throw Unexpected(command);
        public ValueTask<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default) => throw Unexpected(request);
        public ValueTask<object?> Send(object message, CancellationToken cancellationToken = default) => throw Unexpected(message);
        public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamQuery<TResponse> query, CancellationToken cancellationToken = default) => throw Unexpected(query);
        public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamRequest<TResponse> request, CancellationToken cancellationToken = default) => throw Unexpected(request);
        public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamCommand<TResponse> command, CancellationToken cancellationToken = default) => throw Unexpected(command);
        public IAsyncEnumerable<object?> CreateStream(object message, CancellationToken cancellationToken = default) => throw Unexpected(message);

        private static InvalidOperationException Unexpected(object message) => new($"the export does not send {message.GetType().Name}");
    }
}
