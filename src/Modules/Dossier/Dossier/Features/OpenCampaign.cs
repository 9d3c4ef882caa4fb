using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

internal sealed class OpenCampaignValidator : AbstractValidator<OpenCampaign>
{
    public OpenCampaignValidator()
    {
        RuleFor(x => x.SchoolYear).Must(BeAYearPair).WithMessage("L'année scolaire s'écrit « 2025-2026 » (deux années qui se suivent).");
        RuleFor(x => x.Deadline).Must((c, d) => !BeAYearPair(c.SchoolYear) || d.Year == int.Parse(c.SchoolYear[..4], System.Globalization.CultureInfo.InvariantCulture))
            .WithMessage("La date limite tombe avant la rentrée de cette année scolaire (par exemple le 16 août).");
    }

    private static bool BeAYearPair(string? year) =>
        year is { Length: 9 } && year[4] == '-' && int.TryParse(year[..4], out var first) && int.TryParse(year[5..], out var second) && second == first + 1;
}

/// <summary>A new school year: every validated fiche goes « à mettre à jour », each with its audit line, in one commit.</summary>
internal sealed class OpenCampaignHandler(DossierDbContext db, TimeProvider clock) : ICommandHandler<OpenCampaign, Result<int>>
{
    public async ValueTask<Result<int>> Handle(OpenCampaign command, CancellationToken cancellationToken)
    {
        if (await db.Campaigns.AnyAsync(c => c.SchoolYear == command.SchoolYear, cancellationToken))
            return Error.Conflict("dossier.campaign_exists", $"La campagne {command.SchoolYear} est déjà ouverte.");
        if (await db.Campaigns.AnyAsync(c => string.Compare(c.SchoolYear, command.SchoolYear) > 0, cancellationToken))
            return Error.Conflict("dossier.campaign_older", "Une campagne plus récente est déjà ouverte.");

        var now = clock.GetUtcNow();
        db.Campaigns.Add(Campaign.Open(command.SchoolYear, command.Deadline, command.StaffName, now));
        var validated = await db.Forms.Where(f => f.Status == FormStatus.Validated).ToListAsync(cancellationToken);
        foreach (var form in validated)
        {
            form.MarkToUpdate(now).ThrowIfFailure();
            db.FormAudit.Add(FormAuditEntry.Record(form, FormAuditAction.MarkedToUpdate, command.StaffName, now, $"Campagne {command.SchoolYear}"));
        }

        await db.SaveChangesAsync(cancellationToken);
        return validated.Count;
    }
}
