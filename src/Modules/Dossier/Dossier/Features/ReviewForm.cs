using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;
using PortailFamille.Dossier.Persistence;
using Wolverine.EntityFrameworkCore;

namespace PortailFamille.Dossier.Features;

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
