using Mediator;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Dossier.Contracts;

/// <summary>Pièces justificatives the fiches ask for (guide nouveaux élèves 2024, p. 5).</summary>
public enum DocumentPiece
{
    /// <summary>Avis d'imposition N-1, for the quotient familial (optional).</summary>
    TaxNotice,
    DivorceJudgment,
    ProofOfAddress,
    InsuranceCertificate,
    /// <summary>Carnet de vaccination or certificat de contre-indication.</summary>
    VaccinationRecord,
    /// <summary>PAI: the doctor's prescription and a photo of the child.</summary>
    PaiPrescription,
}

public sealed record DocumentView(Guid Id, DocumentPiece Piece, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt);

public sealed record UploadedFile(string FileName, long Length, byte[] Content);

/// <summary>
/// Up to 4 files per piece, each at most 2000 KB, PDF, JPEG, PNG or HEIC recognised by their content.
/// <paramref name="FamilyAccountId"/>: the signed-in family (checked), or null for staff.
/// </summary>
public sealed record UploadDocuments(Guid FormId, Guid? FamilyAccountId, DocumentPiece Piece, IReadOnlyList<UploadedFile> Files, string Actor) : ICommand<Result<UploadOutcome>>;

public sealed record UploadOutcome(IReadOnlyList<DocumentView> Accepted, IReadOnlyList<RefusedFile> Refused);

public sealed record RefusedFile(string FileName, string Code, string Message);

public sealed record RemoveDocument(Guid DocumentId, Guid? FamilyAccountId, string Actor) : ICommand<Result>;

/// <summary>A document's bytes, for its family or staff only.</summary>
public sealed record GetDocumentContent(Guid DocumentId, Guid? FamilyAccountId) : IQuery<Result<DocumentContent>>;

public sealed record DocumentContent(string FileName, string ContentType, byte[] Content);
