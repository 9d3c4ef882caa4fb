using Mediator;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Domain;

namespace PortailFamille.Accounts.Features;

internal sealed class GetPasswordRulesHandler : IQueryHandler<GetPasswordRules, IReadOnlyList<PasswordRuleView>>
{
    public ValueTask<IReadOnlyList<PasswordRuleView>> Handle(GetPasswordRules query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<PasswordRuleView>>(PasswordPolicy.Rules.Select(r => new PasswordRuleView(r.Code, r.Label, r.Pattern)).ToList());
}
