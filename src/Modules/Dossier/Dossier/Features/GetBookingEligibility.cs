using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

/// <summary>
/// Reservations asks before booking. Without any campaign the dossier is not in use: no gate. Once one is
/// open, every fiche of the account and of each of its children must be validated; a fiche never opened counts as not validated.
/// </summary>
internal sealed class GetBookingEligibilityHandler(DossierDbContext db) : IQueryHandler<GetBookingEligibility, BookingEligibility>
{
    public async ValueTask<BookingEligibility> Handle(GetBookingEligibility query, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.SchoolYear).FirstOrDefaultAsync(cancellationToken);
        if (campaign is null) return new BookingEligibility(true, 0, null);

        var childIds = await db.ChildIdsOfAsync(query.FamilyAccountId, cancellationToken);
        var required = Form.AccountKinds.Length + childIds.Count * Form.ChildKinds.Length;
        var validated = await db.Forms.CountAsync(f => f.Status == FormStatus.Validated
            && ((f.ChildId == null && f.FamilyAccountId == query.FamilyAccountId) || (f.ChildId != null && childIds.Contains(f.ChildId.Value))), cancellationToken);
        var missing = Math.Max(0, required - validated);
        return new BookingEligibility(missing == 0, missing, campaign.Deadline);
    }
}
