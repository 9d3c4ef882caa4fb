using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Persistence;

namespace PortailFamille.Accounts.Features;

internal sealed class GetSignInGateHandler(AccountsDbContext db) : IQueryHandler<GetSignInGate, SignInGate>
{
    public async ValueTask<SignInGate> Handle(GetSignInGate query, CancellationToken cancellationToken)
    {
        var family = await db.FamilyAccounts.AsNoTracking().SingleOrDefaultAsync(f => f.Id == query.AccountId, cancellationToken);
        return family is null ? SignInGate.None : await SignInGates.ForAsync(db, family, cancellationToken);
    }
}
