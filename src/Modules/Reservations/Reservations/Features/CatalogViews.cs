using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;

namespace PortailFamille.Reservations.Features;

internal static class CatalogViews
{
    public static ActivityView ToView(Activity a) =>
        new(a.Id, a.StructureId, a.Code, a.Name, a.Kind, a.DayPart, a.AgeGroup, a.WalletCode, a.Capacity, a.WaitlistSize, a.ArrivalChoices, a.DepartureChoices, a.BillingMode);
}
