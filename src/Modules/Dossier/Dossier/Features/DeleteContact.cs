using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

internal sealed class DeleteContactHandler(DossierDbContext db) : ICommandHandler<DeleteContact, Result>
{
    public async ValueTask<Result> Handle(DeleteContact command, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == command.ContactId && c.FamilyAccountId == command.FamilyAccountId, cancellationToken);
        if (contact is null) return Error.NotFound("dossier.contact_not_found", "Ce contact ne fait pas partie de vos contacts.");
        if (await db.ChildContacts.AnyAsync(l => l.ContactId == contact.Id, cancellationToken))
            return Error.Conflict("dossier.contact_in_use", $"{contact.FirstName} {contact.LastName} est encore lié à un enfant : retirez-le de la fiche contacts de chaque enfant, enregistrez, puis supprimez-le.");
        db.Contacts.Remove(contact);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
