using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PortailFamille.BuildingBlocks.Persistence;
using Wolverine.Persistence.Durability;

namespace PortailFamille.BuildingBlocks.Messaging;

/// <summary>
/// Gives every Wolverine node on a SQLite file its own node number, as PostgreSQL's serial column does.
/// </summary>
/// <remarks>
/// WolverineFx.Sqlite 6.62 registers a node with <c>insert into wolverine_nodes (…, node_number) values (…, @node_number)</c>
/// where the number is <c>WolverineNode.AssignedNodeNumber</c>, which <c>WolverineNode.For(options)</c> never sets (it
/// defaults to 1): the Host and every Worker are all node 1. The number is what marks the inbox rows a node has taken
/// (<c>owner_id</c>), so a dead Worker could not be told from the live ones: ejecting it released every node's rows
/// (a live Worker's in-flight events then ran twice), and the orphan sweep never released anything (1 is alive).
/// Wolverine reads the number back after the insert (<c>select node_number … where id = @id</c>), so a trigger that
/// renumbers a first registration (always 1) is taken up as the node's number. The new number is above every number in
/// the node table, the kept node records and the envelopes' owners, so it is never that of a node whose rows are still
/// owned. A node re-registering after a peer deleted its row keeps its number (never 1, so the trigger leaves it).
/// </remarks>
internal sealed class SqliteNodeNumbers(DatabaseOptions database) : IModuleDatabase
{
    public const string TriggerName = "portail_wolverine_node_number";

    public string Module => "wolverine";

    public async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // Wolverine's own tables first (what AddResourceSetupOnStartup would do at start), so the trigger is in place
        // before this process registers its node.
        await services.GetRequiredService<IMessageStore>().Admin.MigrateAsync();

        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE TRIGGER IF NOT EXISTS {TriggerName}
            AFTER INSERT ON wolverine_nodes
            WHEN NEW.node_number = 1
            BEGIN
                UPDATE wolverine_nodes SET node_number = 1 + max(1,
                    (SELECT coalesce(max(node_number), 0) FROM wolverine_nodes WHERE id <> NEW.id),
                    (SELECT coalesce(max(node_number), 0) FROM wolverine_node_records),
                    (SELECT coalesce(max(owner_id), 0) FROM wolverine_incoming_envelopes),
                    (SELECT coalesce(max(owner_id), 0) FROM wolverine_outgoing_envelopes))
                WHERE id = NEW.id;
            END;
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
