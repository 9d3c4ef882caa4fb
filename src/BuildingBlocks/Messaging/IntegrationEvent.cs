namespace PortailFamille.BuildingBlocks.Messaging;

/// <summary>
/// A fact one module publishes for others, carried durably by Wolverine to the Worker's queue.
/// Records only: ids and facts, never entities. Never rename or move one (Wolverine names messages by type).
/// </summary>
public interface IIntegrationEvent;
