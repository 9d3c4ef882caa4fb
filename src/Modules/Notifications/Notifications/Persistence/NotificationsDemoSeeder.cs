using Microsoft.EntityFrameworkCore;
using PortailFamille.BuildingBlocks.Demo;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.Notifications.Domain;

namespace PortailFamille.Notifications.Persistence;

/// <summary>Home-page news of the demo town, seeded once (the journal stays empty: no event was processed).</summary>
internal sealed class NotificationsDemoSeeder(NotificationsDbContext db) : IDemoSeeder
{
    public int Order => 50;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.News.AnyAsync(cancellationToken)) return;

        var items = new (DemoCatalog.DemoStructure Structure, string Title, string Body, DateTimeOffset At)[]
        {
            (DemoCatalog.Education, "Dossier Famille à valider avant le vendredi 16 août 2024",
                "Pour réserver les activités de la rentrée, toutes les fiches du Dossier Famille doivent être validées entre le 19 juin et le 16 août 2024.",
                new DateTimeOffset(2024, 6, 19, 7, 0, 0, TimeSpan.Zero)),
            (DemoCatalog.Education, "Ouverture des réservations de la PÉRIODE 1 le lundi 19 août 2024",
                "Réservez la restauration, l'accueil du matin et du soir et le centre de loisirs du mercredi pour la période du 2 septembre au 18 octobre 2024, au plus tard 3 jours avant la date souhaitée.",
                new DateTimeOffset(2024, 8, 12, 7, 0, 0, TimeSpan.Zero)),
            (DemoCatalog.Education, "Fermeture exceptionnelle du centre de loisirs le mercredi 4 septembre 2024",
                "Le centre de loisirs sera exceptionnellement fermé le mercredi 4 septembre 2024. Aucune réservation n'est possible ce jour-là.",
                new DateTimeOffset(2024, 8, 20, 7, 0, 0, TimeSpan.Zero)),
            (DemoCatalog.Leisure, "Vacances de la Toussaint : réservez avant le lundi 7 octobre 2024",
                "Les réservations du centre de loisirs des vacances se font au plus tard 14 jours avant le début de la période de vacances.",
                new DateTimeOffset(2024, 9, 16, 7, 0, 0, TimeSpan.Zero)),
        };

        foreach (var (structure, title, body, at) in items)
        {
            db.News.Add(NewsItem.Publish(structure.Id, title, body, "Service Éducation Jeunesse", at));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
