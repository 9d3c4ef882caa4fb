using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;
using PortailFamille.Dossier.Persistence;
using Wolverine.EntityFrameworkCore;

namespace PortailFamille.Dossier.Features;

internal sealed class ListFormsForReviewHandler(DossierDbContext db) : IQueryHandler<ListFormsForReview, FormQueuePage>
{
    public async ValueTask<FormQueuePage> Handle(ListFormsForReview query, CancellationToken cancellationToken)
    {
        var forms = db.Forms.AsNoTracking().Where(f => f.Status == (query.Status ?? FormStatus.Submitted));
        if (query.FamilyAccountId is { } family) forms = forms.Where(f => f.FamilyAccountId == family);
        if (!string.IsNullOrWhiteSpace(query.ChildName))
        {
            var name = query.ChildName.Trim().ToLower();
            forms = forms.Where(f => f.ChildId != null && db.Children.Any(c => c.Id == f.ChildId && (c.FirstName.ToLower().Contains(name) || c.LastName.ToLower().Contains(name))));
        }

        var total = await forms.CountAsync(cancellationToken);
        // Oldest transmission first: the queue is worked in order.
        var lines = await forms.OrderBy(f => f.UpdatedAt).Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 200))
            .Select(f => new
            {
                f.Id, f.FamilyAccountId, f.Kind, f.Status, f.SubmittedAt,
                Child = db.Children.Where(c => c.Id == f.ChildId).Select(c => c.FirstName + " " + c.LastName).FirstOrDefault(),
                Documents = db.Documents.Count(d => d.FormId == f.Id),
            })
            .ToListAsync(cancellationToken);
        return new FormQueuePage(lines.Select(l => new FormQueueLine(l.Id, l.FamilyAccountId, l.Kind, l.Status, l.Child, l.SubmittedAt, l.Documents)).ToList(), total);
    }
}

internal sealed class ReviewFormValidator : AbstractValidator<ReviewForm>
{
    public ReviewFormValidator()
    {
        RuleFor(x => x.Reason).MaximumLength(1000).WithMessage("Le motif ne doit pas dépasser 1000 caractères.");
        RuleFor(x => x.StaffName).NotEmpty();
    }
}

/// <summary>Validate or reject a transmitted fiche: the state, the audit line and the mail's event commit together.</summary>
internal sealed class ReviewFormHandler(IDbContextOutbox<DossierDbContext> outbox, TimeProvider clock) : ICommandHandler<ReviewForm, Result>
{
    public async ValueTask<Result> Handle(ReviewForm command, CancellationToken cancellationToken)
    {
        var db = outbox.DbContext;
        var form = await db.Forms.SingleOrDefaultAsync(f => f.Id == command.FormId, cancellationToken);
        if (form is null) return DossierErrors.FormNotFound;
        var now = clock.GetUtcNow();
        var result = command.Approve ? form.Validate(command.StaffName, now) : form.Reject(command.Reason, command.StaffName, now);
        if (result.IsFailure) return result;

        var childName = form.ChildId is { } childId
            ? await db.Children.Where(c => c.Id == childId).Select(c => c.FirstName + " " + c.LastName).SingleOrDefaultAsync(cancellationToken)
            : null;
        db.FormAudit.Add(FormAuditEntry.Record(form, command.Approve ? FormAuditAction.Validated : FormAuditAction.Rejected, command.StaffName, now, form.RejectionReason));
        if (command.Approve && form.Kind == FormKind.Health && form.ChildId is { } healthChild) await ApplyHealthAsync(db, healthChild, form.Values, cancellationToken);

        if (command.Approve) await outbox.PublishAsync(new FormValidated(form.Id, form.FamilyAccountId, form.Kind, childName, command.StaffName, now));
        else await outbox.PublishAsync(new FormRejected(form.Id, form.FamilyAccountId, form.Kind, childName, form.RejectionReason!, command.StaffName, now));
        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DossierErrors.ConcurrentChange;
        }

        return Result.Success();
    }

    /// <summary>The day sheets' PAI, allergy and diet flags follow the validated fiche Santé.</summary>
    private static async Task ApplyHealthAsync(DossierDbContext db, Guid childId, IReadOnlyDictionary<string, string?> values, CancellationToken ct)
    {
        var hasPai = values.GetValueOrDefault("pai") == FormDefinitions.Yes;
        var allergies = values.GetValueOrDefault("allergies");
        var diet = values.GetValueOrDefault("dietaryNeeds");
        var health = await db.Health.SingleOrDefaultAsync(h => h.ChildId == childId, ct);
        if (health is null) db.Health.Add(ChildHealth.Record(childId, hasPai, allergies, diet));
        else health.Update(hasPai, allergies, diet);
    }
}

internal sealed class GetHealthDetailsHandler(DossierDbContext db) : IQueryHandler<GetHealthDetails, IReadOnlyList<HealthDetails>>
{
    public async ValueTask<IReadOnlyList<HealthDetails>> Handle(GetHealthDetails query, CancellationToken cancellationToken)
    {
        var flags = await db.Health.AsNoTracking().Where(h => query.ChildIds.Contains(h.ChildId)).ToDictionaryAsync(h => h.ChildId, cancellationToken);
        var forms = await db.Forms.AsNoTracking().Where(f => f.Kind == FormKind.Health && f.ChildId != null && query.ChildIds.Contains(f.ChildId.Value))
            .ToDictionaryAsync(f => f.ChildId!.Value, cancellationToken);
        var doctors = await db.Doctors.AsNoTracking().ToListAsync(cancellationToken);
        return query.ChildIds.Distinct().Select(id =>
        {
            var values = forms.TryGetValue(id, out var f) ? f.Values : new Dictionary<string, string?>();
            var flag = flags.GetValueOrDefault(id);
            var doctorName = values.GetValueOrDefault("doctor");
            var doctor = doctors.FirstOrDefault(d => string.Equals(d.Name, doctorName, StringComparison.OrdinalIgnoreCase));
            return new HealthDetails(id, flag?.HasPai ?? values.GetValueOrDefault("pai") == FormDefinitions.Yes,
                flag?.Allergies ?? values.GetValueOrDefault("allergies"), flag?.DietaryNeeds ?? values.GetValueOrDefault("dietaryNeeds"),
                values.GetValueOrDefault("pathologies"), doctorName, doctor?.Phone ?? values.GetValueOrDefault("doctorPhone"), values.GetValueOrDefault("recommendations"));
        }).ToList();
    }
}
