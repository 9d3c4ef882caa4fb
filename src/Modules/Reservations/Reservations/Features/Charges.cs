using PortailFamille.Reservations.Contracts;
using PortailFamille.Reservations.Domain;

namespace PortailFamille.Reservations.Features;

internal static class Charges
{
    public static ConsumptionRecorded Recorded(Activity activity, Guid familyAccountId, Guid childId, Guid bookingId, DateOnly day, DateTimeOffset at) =>
        new(bookingId, familyAccountId, childId, activity.StructureId, activity.Code, activity.Name, activity.WalletCode, day, at);

    public static ConsumptionWithdrawn Withdrawn(Activity activity, Guid familyAccountId, Guid bookingId, DateOnly day, DateTimeOffset at) =>
        new(bookingId, familyAccountId, activity.WalletCode, day, at);
}
