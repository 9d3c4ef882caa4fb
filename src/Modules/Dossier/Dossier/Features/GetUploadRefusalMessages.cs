using Mediator;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;

namespace PortailFamille.Dossier.Features;

internal sealed class GetUploadRefusalMessagesHandler : IQueryHandler<GetUploadRefusalMessages, IReadOnlyList<string>>
{
    public ValueTask<IReadOnlyList<string>> Handle(GetUploadRefusalMessages query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<string>>(query.Refusals.Select(r => UploadRefusals.Message(r.Code, r.FileName)).ToList());
}
