using Mediator;
using PortailFamille.BuildingBlocks.Messaging;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Dossier.Contracts;

/// <summary>The fiches of the yearly Dossier Famille: two per account, five per child (guide nouveaux élèves 2024, p. 4–9).</summary>
public enum FormKind
{
    AccountHolder,
    OtherGuardian,
    Insurance,
    ParentalConsents,
    Contacts,
    Health,
    InternalRules,
}

/// <summary>à saisir, en cours de saisie, transmise, rejetée/incomplète, validée, à mettre à jour.</summary>
public enum FormStatus
{
    ToFill,
    Draft,
    Submitted,
    Rejected,
    Validated,
    ToUpdate,
}

public enum FieldType
{
    Text,
    Email,
    Phone,
    Date,
    YesNo,
    LongText,
    PostalCode,
    /// <summary>A box the family must tick (règlement intérieur).</summary>
    Acknowledgement,
}

public enum SaveMode
{
    /// <summary>« Enregistrer en brouillon »: nothing is required yet.</summary>
    Draft,
    /// <summary>« Valider et transmettre la fiche »: required fields, sworn statement and name.</summary>
    Submit,
}

/// <summary>The family's dossier: every fiche with its state, the count per state and the campaign.</summary>
public sealed record OpenDossier(Guid FamilyAccountId) : ICommand<DossierView>;

public sealed record DossierView(Guid FamilyAccountId, IReadOnlyList<FormSummary> Forms, IReadOnlyDictionary<FormStatus, int> Counts, CampaignView? Campaign);

public sealed record FormSummary(Guid Id, FormKind Kind, FormStatus Status, Guid? ChildId, string? ChildName, DateTimeOffset UpdatedAt);

/// <summary>One fiche. <paramref name="FamilyAccountId"/> is the signed-in family (checked), or null for staff.</summary>
public sealed record GetForm(Guid FormId, Guid? FamilyAccountId) : IQuery<Result<FormView>>;

public sealed record FormView(
    Guid Id,
    Guid FamilyAccountId,
    FormKind Kind,
    FormStatus Status,
    Guid? ChildId,
    string? ChildName,
    IReadOnlyList<FieldView> Fields,
    IReadOnlyDictionary<string, string?> Values,
    IReadOnlyList<ChildContactView> Contacts,
    IReadOnlyList<ContactView> FamilyContacts,
    IReadOnlyList<string> Suggestions,
    IReadOnlyList<DocumentPiece> Pieces,
    IReadOnlyList<DocumentView> Documents,
    string? SignerName,
    DateTimeOffset? SubmittedAt,
    string? SubmittedBy,
    string? RejectionReason,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    IReadOnlyList<FormAuditView> Audit)
{
    /// <summary>Read-only once transmitted, until staff act.</summary>
    public bool IsEditable => Status != FormStatus.Submitted;
}

public sealed record FieldView(string Key, string Label, FieldType Type, bool Required, string? Hint);

public sealed record ChildContactView(Guid ContactId, string FirstName, string LastName, string Phone, string? Relationship, bool MayPickUp, bool EmergencyCall);

public sealed record ContactView(Guid Id, string FirstName, string LastName, string Phone, string? Email, int LinkedChildren);

public sealed record FormAuditView(DateTimeOffset At, string Actor, FormAuditAction Action, string? Detail);

public enum FormAuditAction
{
    SavedDraft,
    Submitted,
    Validated,
    Rejected,
    MarkedToUpdate,
    DocumentAdded,
    DocumentRemoved,
}

/// <summary>
/// Saves a fiche (draft or transmission). Contacts fiches carry their links as values
/// (<c>contact.{id}.relationship|pickup|emergency|remove</c>, <c>new.firstName|lastName|phone|email|relationship|pickup|emergency</c>, <c>add</c> = an existing contact id with <c>add.relationship|pickup|emergency</c>).
/// <paramref name="ByStaff"/>: an agent fills it for a family without internet.
/// </summary>
public sealed record SaveForm(Guid FormId, Guid FamilyAccountId, IReadOnlyDictionary<string, string?> Values, SaveMode Mode, bool SwornStatement, string? SignerName, string Actor, bool ByStaff = false)
    : ICommand<Result>;

/// <summary>Deletes a contact of the family once it is linked to no child.</summary>
public sealed record DeleteContact(Guid FamilyAccountId, Guid ContactId) : ICommand<Result>;

/// <summary>Staff queue: transmitted (by default) fiches, filterable by state, family and child.</summary>
public sealed record ListFormsForReview(FormStatus? Status, Guid? FamilyAccountId, string? ChildName, int Skip, int Take) : IQuery<FormQueuePage>;

public sealed record FormQueuePage(IReadOnlyList<FormQueueLine> Lines, int Total);

public sealed record FormQueueLine(Guid Id, Guid FamilyAccountId, FormKind Kind, FormStatus Status, string? ChildName, DateTimeOffset? SubmittedAt, int Documents);

/// <summary>Staff validate a transmitted fiche, or reject it with a reason; the family is mailed.</summary>
public sealed record ReviewForm(Guid FormId, bool Approve, string? Reason, string StaffName) : ICommand<Result>;

public sealed record FormValidated(Guid FormId, Guid FamilyAccountId, FormKind Kind, string? ChildName, string StaffName, DateTimeOffset At) : IIntegrationEvent;

public sealed record FormRejected(Guid FormId, Guid FamilyAccountId, FormKind Kind, string? ChildName, string Reason, string StaffName, DateTimeOffset At) : IIntegrationEvent;
