using FluentValidation;
using Mediator;
using PortailFamille.Accounts.Contracts;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Notifications.Contracts;
using PortailFamille.Notifications.Domain;
using PortailFamille.Notifications.Persistence;
using Wolverine.EntityFrameworkCore;

namespace PortailFamille.Notifications.Features;

internal sealed class BroadcastToStructureValidator : AbstractValidator<BroadcastToStructure>
{
    public BroadcastToStructureValidator()
    {
        RuleFor(x => x.Subject).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("L'objet du message est obligatoire.")
            .MaximumLength(150).WithMessage("L'objet ne doit pas dépasser 150 caractères.");
        RuleFor(x => x.Body).Must(b => !string.IsNullOrWhiteSpace(b)).WithMessage("Le texte du message est obligatoire.")
            .MaximumLength(8000).WithMessage("Le texte ne doit pas dépasser 8000 caractères.");
        RuleFor(x => x.SentBy).NotEmpty().WithMessage("L'auteur du message est inconnu.");
    }
}

/// <summary>Records the broadcast and one mail request per family in one transaction: none is lost, none sent twice.</summary>
internal sealed class BroadcastToStructureHandler(IDbContextOutbox<NotificationsDbContext> outbox, ISender sender, TimeProvider clock)
    : ICommandHandler<BroadcastToStructure, Result<int>>
{
    public async ValueTask<Result<int>> Handle(BroadcastToStructure command, CancellationToken cancellationToken)
    {
        var families = await sender.Send(new ListFamilyAccounts(command.StructureId), cancellationToken);
        if (families.Count == 0) return NotificationErrors.UnknownStructure;
        var broadcast = Broadcast.Record(command.StructureId, command.Subject, command.Body, command.SentBy, families.Count, clock.GetUtcNow());
        outbox.DbContext.Broadcasts.Add(broadcast);
        foreach (var family in families)
            await outbox.PublishAsync(new BroadcastMailRequested(broadcast.Id, family.Id, command.StructureId, broadcast.Subject, broadcast.Body));
        await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
        return families.Count;
    }
}
