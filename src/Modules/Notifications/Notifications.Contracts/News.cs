using Mediator;
using PortailFamille.BuildingBlocks.Messaging;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Notifications.Contracts;

/// <summary>A staff member publishes a news item on the portal home page of one structure.</summary>
public sealed record PublishNews(Guid StructureId, string Title, string Body, string PublishedBy) : ICommand<Result<Guid>>;

/// <summary>The latest news of a structure, newest first.</summary>
public sealed record ListNews(Guid StructureId, int Take = 20) : IQuery<IReadOnlyList<NewsItemView>>;

public sealed record NewsItemView(
    Guid Id,
    Guid StructureId,
    string Title,
    string Body,
    DateTimeOffset PublishedAt,
    string PublishedBy,
    DateTimeOffset? ProcessedByWorkerAt);

/// <summary>Published with the news item in one transaction; the Worker records it.</summary>
public sealed record NewsPublished(Guid NewsId, Guid StructureId, string Title, DateTimeOffset PublishedAt) : IIntegrationEvent;

/// <summary>When the Worker last processed something: the header's "dernière mise à jour".</summary>
public sealed record GetLastDataUpdate : IQuery<DateTimeOffset?>;
