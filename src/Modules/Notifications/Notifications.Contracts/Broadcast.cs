using Mediator;
using PortailFamille.BuildingBlocks.Messaging;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Notifications.Contracts;

/// <summary>Staff write to every family of a structure (e.g. the service table of a strike day); returns how many families.</summary>
public sealed record BroadcastToStructure(Guid StructureId, string Subject, string Body, string SentBy) : ICommand<Result<int>>;

/// <summary>One family's copy of a broadcast, mailed by the Worker to every address of the profile.</summary>
public sealed record BroadcastMailRequested(Guid BroadcastId, Guid FamilyAccountId, Guid StructureId, string Subject, string Body) : IIntegrationEvent;
