using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Dossier.Domain;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

/// <summary>Separated parents: the new account gets the other parent's children (idempotent on replays).</summary>
internal sealed record LinkChildrenToAccount(Guid AccountId, Guid OtherAccountId) : ICommand<Result>;

internal sealed class LinkChildrenToAccountHandler(DossierDbContext db, TimeProvider clock) : ICommandHandler<LinkChildrenToAccount, Result>
{
    public async ValueTask<Result> Handle(LinkChildrenToAccount command, CancellationToken cancellationToken)
    {
        var childIds = await db.Guardians.Where(g => g.FamilyAccountId == command.OtherAccountId).Select(g => g.ChildId).ToListAsync(cancellationToken);
        var already = await db.Guardians.Where(g => g.FamilyAccountId == command.AccountId).Select(g => g.ChildId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var childId in childIds.Except(already))
            db.Guardians.Add(ChildGuardian.Link(childId, command.AccountId, now));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}

/// <summary>Wolverine adapter (public), runs in the Worker.</summary>
public static class FamilyAccountLinkedHandler
{
    public static async Task Handle(FamilyAccountLinked message, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new LinkChildrenToAccount(message.AccountId, message.OtherAccountId), cancellationToken)).ThrowIfFailure();
}
