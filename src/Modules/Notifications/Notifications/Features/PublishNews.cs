using FluentValidation;
using Mediator;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Notifications.Contracts;
using PortailFamille.Notifications.Domain;
using PortailFamille.Notifications.Persistence;
using Wolverine.EntityFrameworkCore;

namespace PortailFamille.Notifications.Features;

internal sealed class PublishNewsValidator : AbstractValidator<PublishNews>
{
    public PublishNewsValidator()
    {
        RuleFor(x => x.StructureId).NotEmpty().WithMessage("Choisissez la structure concernée.");
        RuleFor(x => x.Title)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Le titre est obligatoire.")
            .MaximumLength(NewsItem.TitleMaxLength).WithMessage($"Le titre ne doit pas dépasser {NewsItem.TitleMaxLength} caractères.");
        RuleFor(x => x.Body)
            .Must(b => !string.IsNullOrWhiteSpace(b)).WithMessage("Le texte de l'information est obligatoire.")
            .MaximumLength(NewsItem.BodyMaxLength).WithMessage($"Le texte ne doit pas dépasser {NewsItem.BodyMaxLength} caractères.");
        RuleFor(x => x.PublishedBy).NotEmpty().WithMessage("L'auteur de la publication est inconnu.");
    }
}

internal sealed class PublishNewsHandler(IDbContextOutbox<NotificationsDbContext> outbox, TimeProvider clock)
    : ICommandHandler<PublishNews, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(PublishNews command, CancellationToken cancellationToken)
    {
        var news = NewsItem.Publish(command.StructureId, command.Title, command.Body, command.PublishedBy, clock.GetUtcNow());
        outbox.DbContext.News.Add(news);
        await outbox.PublishAsync(new NewsPublished(news.Id, news.StructureId, news.Title, news.PublishedAt));
        await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken); // the news and its event: one commit
        return news.Id;
    }
}
