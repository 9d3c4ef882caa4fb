using PortailFamille.Dossier.Contracts;

namespace PortailFamille.Dossier.Domain;

/// <summary>Who did what to a fiche, when (staff reviews, transmissions, documents).</summary>
internal sealed class FormAuditEntry
{
    private FormAuditEntry() { }

    public Guid Id { get; private set; }
    public Guid FormId { get; private set; }
    public Guid FamilyAccountId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Actor { get; private set; } = "";
    public FormAuditAction Action { get; private set; }
    public string? Detail { get; private set; }

    public static FormAuditEntry Record(Form form, FormAuditAction action, string actor, DateTimeOffset now, string? detail = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        FormId = form.Id,
        FamilyAccountId = form.FamilyAccountId,
        At = now,
        Actor = actor,
        Action = action,
        Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
    };
}

/// <summary>A pièce justificative: its bytes live in the document store, under <see cref="StorageKey"/>.</summary>
internal sealed class SupportingDocument
{
    private SupportingDocument() { }

    public Guid Id { get; private set; }
    public Guid FormId { get; private set; }
    public Guid FamilyAccountId { get; private set; }
    public DocumentPiece Piece { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string StorageKey { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }

    public static SupportingDocument Add(Form form, DocumentPiece piece, string fileName, DocumentFormat format, long size, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        return new SupportingDocument
        {
            Id = id,
            FormId = form.Id,
            FamilyAccountId = form.FamilyAccountId,
            Piece = piece,
            FileName = DocumentRules.NameFor(fileName, format),
            ContentType = format.ContentType,
            Size = size,
            // No part of the name comes from the family: nothing to traverse.
            StorageKey = $"{form.FamilyAccountId:N}/{id:N}{format.Extension}",
            UploadedAt = now,
        };
    }

    /// <summary>The name shown and downloaded: documents stored before the naming rule get it on read.</summary>
    public string Name => DocumentRules.FormatOf(ContentType) is { } format ? DocumentRules.NameFor(FileName, format) : FileName;

    public DocumentView ToView() => new(Id, Piece, Name, ContentType, Size, UploadedAt);
}

/// <summary>Insurers already known (shared by every family): picked from the list or created.</summary>
internal sealed class Insurer
{
    private Insurer() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string? Address { get; private set; }
    public string? Phone { get; private set; }

    public static Insurer Create(string name, string? address, string? phone, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), Name = name.Trim(), Address = address?.Trim(), Phone = phone?.Trim() };
}

/// <summary>Médecins traitants already known: found by typing two letters, or created.</summary>
internal sealed class Doctor
{
    private Doctor() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string? Phone { get; private set; }
    public string? City { get; private set; }

    public static Doctor Create(string name, string? phone, string? city, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), Name = name.Trim(), Phone = phone?.Trim(), City = city?.Trim() };
}

/// <summary>A person of the family's circle, created once and reused for every child; the name cannot be changed.</summary>
internal sealed class Contact
{
    private Contact() { }

    public Guid Id { get; private set; }
    public Guid FamilyAccountId { get; private set; }
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public string Phone { get; private set; } = "";
    public string? Email { get; private set; }

    public static Contact Create(Guid familyAccountId, string firstName, string lastName, string phone, string? email, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        FamilyAccountId = familyAccountId,
        FirstName = firstName.Trim(),
        LastName = lastName.Trim().ToUpperInvariant(),
        Phone = phone.Trim(),
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim(),
    };
}

/// <summary>A contact for one child: relationship, may pick the child up, may be called in an emergency.</summary>
internal sealed class ChildContact
{
    private ChildContact() { }

    public Guid ChildId { get; private set; }
    public Guid ContactId { get; private set; }
    public string? Relationship { get; private set; }
    public bool MayPickUp { get; private set; }
    public bool EmergencyCall { get; private set; }

    public static ChildContact Link(Guid childId, Guid contactId) => new() { ChildId = childId, ContactId = contactId };

    public void Update(string? relationship, bool mayPickUp, bool emergencyCall)
    {
        Relationship = string.IsNullOrWhiteSpace(relationship) ? null : relationship.Trim();
        MayPickUp = mayPickUp;
        EmergencyCall = emergencyCall;
    }
}

/// <summary>A school year's campaign: fiches to update, due by the deadline (e.g. 16 August).</summary>
internal sealed class Campaign
{
    private Campaign() { }

    public string SchoolYear { get; private set; } = "";
    public DateOnly Deadline { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public string OpenedBy { get; private set; } = "";

    public static Campaign Open(string schoolYear, DateOnly deadline, string openedBy, DateTimeOffset now) =>
        new() { SchoolYear = schoolYear, Deadline = deadline, OpenedAt = now, OpenedBy = openedBy };

    public CampaignView ToView() => new(SchoolYear, Deadline, OpenedAt, OpenedBy);
}

/// <summary>Quotient familial of a paying parent's account for one calendar year (avis d'imposition N-1).</summary>
internal sealed class FamilyQuotient
{
    private FamilyQuotient() { }

    public Guid Id { get; private set; }
    public Guid FamilyAccountId { get; private set; }
    public int Year { get; private set; }
    public decimal ReferenceIncome { get; private set; }
    public decimal Parts { get; private set; }
    public decimal Quotient { get; private set; }
    public DateOnly ValidFrom { get; private set; }
    public DateOnly ValidTo { get; private set; }
    public string ComputedBy { get; private set; } = "";
    public DateTimeOffset ComputedAt { get; private set; }

    /// <summary>Revenu fiscal de référence / 12 / nombre de parts, rounded to the cent; valid 1 Jan–31 Dec.</summary>
    public static decimal Compute(decimal referenceIncome, decimal parts) =>
        Math.Round(referenceIncome / 12m / parts, 2, MidpointRounding.AwayFromZero);

    public static FamilyQuotient Record(Guid familyAccountId, int year, decimal referenceIncome, decimal parts, string staffName, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        FamilyAccountId = familyAccountId,
        Year = year,
        ReferenceIncome = referenceIncome,
        Parts = parts,
        Quotient = Compute(referenceIncome, parts),
        ValidFrom = new DateOnly(year, 1, 1),
        ValidTo = new DateOnly(year, 12, 31),
        ComputedBy = staffName,
        ComputedAt = now,
    };

    public void Recompute(decimal referenceIncome, decimal parts, string staffName, DateTimeOffset now)
    {
        ReferenceIncome = referenceIncome;
        Parts = parts;
        Quotient = Compute(referenceIncome, parts);
        ComputedBy = staffName;
        ComputedAt = now;
    }

    public FamilyQuotientView ToView() => new(FamilyAccountId, Year, ReferenceIncome, Parts, Quotient, ValidFrom, ValidTo, ComputedBy, ComputedAt);
}
