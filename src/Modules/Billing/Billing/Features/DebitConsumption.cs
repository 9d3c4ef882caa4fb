using Mediator;
using PortailFamille.Billing.Contracts;
using PortailFamille.Billing.Domain;
using PortailFamille.Billing.Persistence;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Billing.Features;

/// <summary>Debits a consumed day at the family's tariff, once, unless a newer mark of the booking was applied already.</summary>
internal sealed record DebitConsumption(ConsumptionRecorded Fact) : ICommand<Result>;

internal sealed class DebitConsumptionHandler(BillingDbContext db, ISender sender, TimeProvider clock) : ICommandHandler<DebitConsumption, Result>
{
    public async ValueTask<Result> Handle(DebitConsumption command, CancellationToken cancellationToken)
    {
        var fact = command.Fact;
        return await BookingCharges.ApplyAsync(db, clock, fact.BookingId, fact.FamilyAccountId, fact.WalletCode, fact.Day, fact.MarkedAt, async ct =>
        {
            var price = (await sender.Send(new PriceBookings(fact.FamilyAccountId, [new BookingToPrice(fact.BookingId, fact.StructureId, fact.ActivityCode, fact.Day)]), ct)).Single();
            var child = (await sender.Send(new PortailFamille.Dossier.Contracts.GetChildrenByIds([fact.ChildId]), ct)).SingleOrDefault();
            var label = child is null ? fact.ActivityName : $"{fact.ActivityName}{LedgerEntry.ConsumerSeparator}{child.LastName} {child.FirstName}";
            return (price.UnitPrice, label);
        }, cancellationToken);
    }
}

/// <summary>Wolverine adapters (public), run in the Worker.</summary>
public static class ConsumptionRecordedHandler
{
    public static async Task Handle(ConsumptionRecorded message, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new DebitConsumption(message), cancellationToken)).ThrowIfFailure();
}
