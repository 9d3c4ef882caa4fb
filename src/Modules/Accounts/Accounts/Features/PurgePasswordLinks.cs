using PortailFamille.BuildingBlocks.Messaging;
using Microsoft.Extensions.Logging;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Persistence;

namespace PortailFamille.Accounts.Features;

internal sealed class PurgePasswordLinksHandler(AccountsDbContext db, TimeProvider clock) : ICommandHandler<PurgePasswordLinks, int>
{
    /// <summary>Kept a week after they stop working, so "ce lien a déjà servi / a expiré" can still be told apart from a wrong link.</summary>
    internal static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    public async ValueTask<int> Handle(PurgePasswordLinks command, CancellationToken cancellationToken)
    {
        var limit = clock.GetUtcNow() - Retention;
        var dead = await db.PasswordLinks
            .Where(l => (l.UsedAt != null && l.UsedAt < limit) || (l.RevokedAt != null && l.RevokedAt < limit) || l.ExpiresAt < limit)
            .Select(l => l.Id)
            .ToListAsync(cancellationToken);
        if (dead.Count == 0) return 0;
        return await db.PasswordLinks.Where(l => dead.Contains(l.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>
/// The nightly occurrence of the password-link purge, registered by <see cref="AccountsModule.ScheduleAccountsJobs"/>.
/// Public because Wolverine only runs public handlers.
/// </summary>
public sealed record PasswordLinkPurgeDue(DateTimeOffset Occurrence) : IScheduledJob;

public static class PasswordLinkPurgeDueHandler // public: Wolverine only runs public handlers
{
    // Deleting what is already gone deletes nothing: a second delivery is harmless.
    public static async Task Handle(PasswordLinkPurgeDue due, ISender sender, ILogger<PasswordLinkPurgeDue> logger, CancellationToken cancellationToken)
    {
        var purged = await sender.Send(new PurgePasswordLinks(), cancellationToken);
        logger.LogInformation("Password link purge of {Occurrence:O}: {Count} dead links deleted", due.Occurrence, purged);
    }
}
