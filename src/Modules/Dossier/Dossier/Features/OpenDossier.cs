using Mediator;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

internal sealed class OpenDossierHandler(DossierDbContext db, ISender sender, TimeProvider clock) : ICommandHandler<OpenDossier, DossierView>
{
    public async ValueTask<DossierView> Handle(OpenDossier command, CancellationToken cancellationToken)
    {
        // The fiche « Responsable compte famille » starts from what the account already knows.
        var account = await sender.Send(new GetFamilyAccount(command.FamilyAccountId), cancellationToken);
        await db.EnsureFormsAsync(command.FamilyAccountId, () => account is null ? null : new Dictionary<string, string?>
        {
            ["lastName"] = account.HolderLastName,
            ["firstName"] = account.HolderFirstName,
            ["email"] = account.Emails.FirstOrDefault(),
        }, clock.GetUtcNow(), cancellationToken);
        return await db.ViewAsync(command.FamilyAccountId, cancellationToken);
    }
}
