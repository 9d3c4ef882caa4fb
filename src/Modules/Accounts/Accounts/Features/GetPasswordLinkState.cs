using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Domain;
using PortailFamille.Accounts.Persistence;

namespace PortailFamille.Accounts.Features;

internal sealed class GetPasswordLinkStateHandler(AccountsDbContext db, TimeProvider clock) : IQueryHandler<GetPasswordLinkState, PasswordLinkState>
{
    public async ValueTask<PasswordLinkState> Handle(GetPasswordLinkState query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query.Token) || query.Token.Length > 200) return PasswordLinkState.Unknown;
        var hash = PasswordLink.HashOf(query.Token);
        var link = await db.PasswordLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        return link?.StateAt(clock.GetUtcNow()) ?? PasswordLinkState.Unknown;
    }
}
