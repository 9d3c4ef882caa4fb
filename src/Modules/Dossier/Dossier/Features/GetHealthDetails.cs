using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;
using PortailFamille.Dossier.Persistence;

namespace PortailFamille.Dossier.Features;

internal sealed class GetHealthDetailsHandler(DossierDbContext db) : IQueryHandler<GetHealthDetails, IReadOnlyList<HealthDetails>>
{
    public async ValueTask<IReadOnlyList<HealthDetails>> Handle(GetHealthDetails query, CancellationToken cancellationToken)
    {
        var flags = await db.Health.AsNoTracking().Where(h => query.ChildIds.Contains(h.ChildId)).ToDictionaryAsync(h => h.ChildId, cancellationToken);
        var forms = await db.Forms.AsNoTracking().Where(f => f.Kind == FormKind.Health && f.ChildId != null && query.ChildIds.Contains(f.ChildId.Value))
            .ToDictionaryAsync(f => f.ChildId!.Value, cancellationToken);
        var doctors = await db.Doctors.AsNoTracking().ToListAsync(cancellationToken);
        return query.ChildIds.Distinct().Select(id =>
        {
            var values = forms.TryGetValue(id, out var f) ? f.Values : new Dictionary<string, string?>();
            var flag = flags.GetValueOrDefault(id);
            var doctorName = values.GetValueOrDefault("doctor");
            var doctor = doctors.FirstOrDefault(d => string.Equals(d.Name, doctorName, StringComparison.OrdinalIgnoreCase));
            return new HealthDetails(id, flag?.HasPai ?? values.GetValueOrDefault("pai") == FormDefinitions.Yes,
                flag?.Allergies ?? values.GetValueOrDefault("allergies"), flag?.DietaryNeeds ?? values.GetValueOrDefault("dietaryNeeds"),
                values.GetValueOrDefault("pathologies"), doctorName, doctor?.Phone ?? values.GetValueOrDefault("doctorPhone"), values.GetValueOrDefault("recommendations"));
        }).ToList();
    }
}
