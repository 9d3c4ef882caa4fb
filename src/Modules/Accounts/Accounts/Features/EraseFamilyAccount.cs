using System.Security.Cryptography;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Domain;
using PortailFamille.Accounts.Persistence;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Dossier.Contracts;

namespace PortailFamille.Accounts.Features;

/// <summary>The account side of a family's RGPD erasure, after its Dossier was erased.</summary>
internal sealed record EraseFamilyAccount(Guid FamilyAccountId, string StaffName) : ICommand<Result>;

internal sealed class EraseFamilyAccountHandler(AccountsDbContext db, PasswordHashing hashing, TimeProvider clock, ILogger<EraseFamilyAccountHandler> logger)
    : ICommandHandler<EraseFamilyAccount, Result>
{
    public async ValueTask<Result> Handle(EraseFamilyAccount command, CancellationToken cancellationToken)
    {
        var account = await db.FamilyAccounts.SingleOrDefaultAsync(f => f.Id == command.FamilyAccountId, cancellationToken);
        if (account is null || account.IsErased) return Result.Success(); // a redelivered event: already done

        var now = clock.GetUtcNow();
        var formerIdentifier = account.Identifier;
        account.Erase(hashing.Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))), now);
        db.PasswordLinks.RemoveRange(await db.PasswordLinks.Where(l => l.AccountId == account.Id).ToListAsync(cancellationToken));
        db.SignInThrottles.RemoveRange(await db.SignInThrottles.Where(t => t.Identifier == formerIdentifier).ToListAsync(cancellationToken));
        // The audit keeps who erased an account and when, never whom: the former identifier is personal data.
        db.AuditEntries.Add(AuditEntry.Record(now, Guid.Empty, command.StaffName, AuditAction.FamilyAccountErased, account.Id,
            "Compte famille effacé (RGPD) : identifiant, noms et adresses électroniques supprimés."));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Family account {AccountId} erased at the request of {StaffName}", account.Id, command.StaffName);
        return Result.Success();
    }
}

/// <summary>Wolverine adapter (public), runs in the Worker.</summary>
public static class FamilyDossierErasedHandler
{
    public static async Task Handle(FamilyDossierErased message, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new EraseFamilyAccount(message.FamilyAccountId, message.StaffName), cancellationToken)).ThrowIfFailure();
}
