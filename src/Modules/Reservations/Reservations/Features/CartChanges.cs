using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;
using PortailFamille.Reservations.Persistence;

namespace PortailFamille.Reservations.Features;

internal static class CartChanges
{
    /// <summary>
    /// Saves a cart change. The same family's cart edited from two tabs at the same moment: the unique index on a
    /// cart's days (or a line the other tab just removed) refuses the later change, which is answered as such
    /// instead of being half applied.
    /// </summary>
    public static async Task<Result<CartChange>> SaveAsync(ReservationsDbContext db, CartChange change, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return change;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ReservationErrors.CartChangedElsewhere;
        }
    }
}
