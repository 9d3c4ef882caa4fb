using Mediator;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Dossier.Contracts;

/// <summary>RGPD: everything the Dossier module holds on a family, with its documents' bytes.</summary>
public sealed record ExportDossierData(Guid FamilyAccountId) : IQuery<DossierDataExport>;

public sealed record DossierDataExport(
    IReadOnlyList<ChildView> Children,
    IReadOnlyList<ExportedForm> Forms,
    IReadOnlyList<ContactView> Contacts,
    IReadOnlyList<FamilyQuotientView> Quotients,
    IReadOnlyList<ExportedDocument> Documents);

public sealed record ExportedForm(Guid Id, FormKind Kind, FormStatus Status, string? ChildName, IReadOnlyDictionary<string, string?> Values,
    string? SignerName, DateTimeOffset? SubmittedAt, string? RejectionReason, DateTimeOffset? ReviewedAt);

public sealed record ExportedDocument(Guid Id, Guid FormId, DocumentPiece Piece, string FileName, string ContentType, byte[] Content);

/// <summary>RGPD erasure by staff once the retention period has passed: fiches, documents (files too), contacts, quotients, children only this family holds.</summary>
public sealed record EraseFamilyDossier(Guid FamilyAccountId, string StaffName) : ICommand<Result<ErasureReport>>;

public sealed record ErasureReport(int Forms, int Documents, int Children);

/// <summary>A family's dossier was erased (RGPD): Accounts anonymises the account in the same spirit. Committed with the erasure.</summary>
public sealed record FamilyDossierErased(Guid FamilyAccountId, string StaffName, DateTimeOffset At) : PortailFamille.BuildingBlocks.Messaging.IIntegrationEvent;

/// <summary>Animators' list of the day: children booked on an activity with a PAI, allergies or a diet (from the fiches Santé).</summary>
public sealed record GetHealthDetails(IReadOnlyCollection<Guid> ChildIds) : IQuery<IReadOnlyList<HealthDetails>>;

public sealed record HealthDetails(Guid ChildId, bool HasPai, string? Allergies, string? DietaryNeeds, string? Pathologies, string? DoctorName, string? DoctorPhone, string? Recommendations);
