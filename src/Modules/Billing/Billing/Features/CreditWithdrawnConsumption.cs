using Mediator;
using PortailFamille.Billing.Persistence;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Billing.Features;

/// <summary>Credits back a consumed day marked excused afterwards (or a cancelled day charged on booking), unless a newer mark was applied.</summary>
internal sealed record CreditWithdrawnConsumption(ConsumptionWithdrawn Fact) : ICommand<Result>;

internal sealed class CreditWithdrawnConsumptionHandler(BillingDbContext db, TimeProvider clock) : ICommandHandler<CreditWithdrawnConsumption, Result>
{
    public async ValueTask<Result> Handle(CreditWithdrawnConsumption command, CancellationToken cancellationToken)
    {
        var fact = command.Fact;
        return await BookingCharges.ApplyAsync(db, clock, fact.BookingId, fact.FamilyAccountId, fact.WalletCode, fact.Day, fact.MarkedAt, price: null, cancellationToken);
    }
}

public static class ConsumptionWithdrawnHandler
{
    public static async Task Handle(ConsumptionWithdrawn message, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new CreditWithdrawnConsumption(message), cancellationToken)).ThrowIfFailure();
}
