using System.Text.Json;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Dossier.Contracts;

namespace PortailFamille.Dossier.Domain;

/// <summary>
/// A fiche of the Dossier Famille and its life: the family saves drafts and transmits it (read-only
/// then), staff validate or reject it, a new campaign asks for an update of what was validated.
/// </summary>
internal sealed class Form
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private Form() { }

    public Guid Id { get; private set; }
    public Guid FamilyAccountId { get; private set; }
    public Guid? ChildId { get; private set; }
    /// <summary>The child for child fiches, else the account: one fiche of each kind per subject.</summary>
    public Guid SubjectId { get; private set; }
    public FormKind Kind { get; private set; }
    public FormStatus Status { get; private set; }
    public string ValuesJson { get; private set; } = "{}";
    public string? SignerName { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public string? RejectionReason { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>Concurrency token: two staff reviews or a review and a save cannot both win.</summary>
    public Guid Stamp { get; private set; }

    public static readonly FormKind[] AccountKinds = [FormKind.AccountHolder, FormKind.OtherGuardian];
    public static readonly FormKind[] ChildKinds = [FormKind.Insurance, FormKind.ParentalConsents, FormKind.Contacts, FormKind.Health, FormKind.InternalRules];

    public static Form Create(Guid familyAccountId, Guid? childId, FormKind kind, DateTimeOffset now, IReadOnlyDictionary<string, string?>? values = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        FamilyAccountId = familyAccountId,
        ChildId = childId,
        SubjectId = childId ?? familyAccountId,
        Kind = kind,
        Status = FormStatus.ToFill,
        ValuesJson = JsonSerializer.Serialize(values ?? FormDefinitions.Defaults(kind), Json),
        UpdatedAt = now,
        Stamp = Guid.NewGuid(),
    };

    public IReadOnlyDictionary<string, string?> Values =>
        JsonSerializer.Deserialize<Dictionary<string, string?>>(ValuesJson, Json) ?? [];

    public bool IsEditable => Status != FormStatus.Submitted;

    /// <summary>« Enregistrer en brouillon »: any state but transmitted.</summary>
    public Result SaveDraft(IReadOnlyDictionary<string, string?> values, DateTimeOffset now)
    {
        if (!IsEditable) return DossierErrors.FormLocked;
        var errors = FormDefinitions.Validate(Kind, values, requireAll: false);
        if (errors.Count > 0) return DossierErrors.Invalid(errors);
        Store(values);
        Move(FormStatus.Draft, now);
        RejectionReason = null;
        return Result.Success();
    }

    /// <summary>« Valider et transmettre la fiche »: required fields, sworn statement and name; read-only afterwards.</summary>
    public Result Submit(IReadOnlyDictionary<string, string?> values, bool swornStatement, string? signerName, string actor, DateTimeOffset now)
    {
        if (!IsEditable) return DossierErrors.FormLocked;
        var errors = new Dictionary<string, string[]>(FormDefinitions.Validate(Kind, values, requireAll: true));
        if (!swornStatement) errors["sworn"] = ["Cochez la case « Je certifie sur l'honneur que les informations ci-dessus sont exactes et vérifiées »."];
        if (string.IsNullOrWhiteSpace(signerName)) errors["signer"] = ["Indiquez vos nom et prénom pour signer la fiche."];
        else if (signerName.Trim().Length > 200) errors["signer"] = ["Le nom ne doit pas dépasser 200 caractères."];
        if (errors.Count > 0) return DossierErrors.Invalid(errors);
        Store(values);
        Move(FormStatus.Submitted, now);
        SignerName = signerName!.Trim();
        SubmittedAt = now;
        SubmittedBy = actor;
        RejectionReason = null;
        return Result.Success();
    }

    public Result Validate(string staffName, DateTimeOffset now)
    {
        if (Status != FormStatus.Submitted) return DossierErrors.NotSubmitted(Status);
        Move(FormStatus.Validated, now);
        ReviewedBy = staffName;
        ReviewedAt = now;
        return Result.Success();
    }

    public Result Reject(string? reason, string staffName, DateTimeOffset now)
    {
        if (Status != FormStatus.Submitted) return DossierErrors.NotSubmitted(Status);
        if (string.IsNullOrWhiteSpace(reason))
            return DossierErrors.Invalid(new Dictionary<string, string[]> { ["reason"] = ["Indiquez le motif du rejet : la famille le recevra par courriel."] });
        Move(FormStatus.Rejected, now);
        RejectionReason = reason.Trim();
        ReviewedBy = staffName;
        ReviewedAt = now;
        return Result.Success();
    }

    /// <summary>A new school year: what was validated must be checked again by the family.</summary>
    public Result MarkToUpdate(DateTimeOffset now)
    {
        if (Status != FormStatus.Validated) return DossierErrors.NotValidated(Status);
        Move(FormStatus.ToUpdate, now);
        return Result.Success();
    }

    /// <summary>
    /// A pièce justificative added or removed: the fiche is being filled again (« en cours de saisie »), so a
    /// validated fiche must be transmitted and validated anew before it counts; a transmitted one is locked.
    /// </summary>
    public Result ChangeDocuments(DateTimeOffset now)
    {
        if (!IsEditable) return DossierErrors.FormLocked;
        Move(FormStatus.Draft, now);
        return Result.Success();
    }

    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Stamp = Guid.NewGuid();
    }

    private void Store(IReadOnlyDictionary<string, string?> values)
    {
        var kept = FormDefinitions.Fields(Kind).ToDictionary(f => f.Key, f => Normalise(values.GetValueOrDefault(f.Key)));
        ValuesJson = JsonSerializer.Serialize(kept, Json);
    }

    private static string? Normalise(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private void Move(FormStatus to, DateTimeOffset now)
    {
        Status = to;
        Touch(now);
    }
}
