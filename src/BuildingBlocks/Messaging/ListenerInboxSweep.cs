using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.Configuration;
using Wolverine.Persistence.Durability;
using Wolverine.Runtime;
using Wolverine.Transports;

namespace PortailFamille.BuildingBlocks.Messaging;

/// <summary>
/// Every listening process (each Worker) takes back, for its own durable listeners, the inbox envelopes that no node
/// owns any more: those of a dead Worker once it has been ejected (<c>owner_id</c> set back to 0), or released by a
/// Worker that stopped.
/// </summary>
/// <remarks>
/// Wolverine 6.62 recovers such envelopes only from the per-database durability agent, which the leader places on any
/// capable node, and only for a listener that node has (<c>CheckRecoverableIncomingMessagesOperation</c>: "no listening
/// endpoint could be resolved … will stay in the inbox"). The Host holds the agent whenever it started first or
/// outlived a Worker, and it listens to nothing: the events stayed <c>Incoming</c> until the Host restarted. Wolverine's
/// answer for listeners that live on one node only (Exclusive, PinnedToLeader) is a per-listener recovery loop on the
/// listening node (<see cref="ListenerInboxRecovery"/>, GH-3590); this runs the same public recovery for the shared
/// Worker queue on every Worker. Claims are atomic (<c>TryClaimIncomingAsync</c> only takes rows still at owner 0,
/// GH-5073), so several Workers and the durability agent may sweep at once without handling an envelope twice.
/// </remarks>
internal sealed class ListenerInboxSweep(IWolverineRuntime runtime, IHostApplicationLifetime lifetime, ILogger<ListenerInboxSweep> logger)
    : BackgroundService
{
    private readonly Dictionary<Uri, ListenerInboxRecovery> _recoveries = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Listeners start with the host, after this node has registered (and so has its node number).
        if (!await StartedAsync(stoppingToken)) return;

        using var timer = new PeriodicTimer(runtime.Options.Durability.HealthCheckPollingTime);
        do
        {
            foreach (var circuit in SharedDurableListeners())
            {
                if (!_recoveries.TryGetValue(circuit.Endpoint.Uri, out var recovery))
                    _recoveries[circuit.Endpoint.Uri] = recovery = new ListenerInboxRecovery(runtime, circuit, logger);
                try
                {
                    await recovery.RecoverAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "Recovering the released inbox envelopes of {Listener} failed; next try in {Period}",
                        circuit.Endpoint.Uri, runtime.Options.Durability.HealthCheckPollingTime);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Durable listeners shared by several nodes (Wolverine's own loop covers the single-node ones).</summary>
    private IEnumerable<IListenerCircuit> SharedDurableListeners() =>
        runtime.Endpoints.ActiveListeners().OfType<IListenerCircuit>()
            .Where(c => c.Endpoint is { Mode: EndpointMode.Durable, ListenerScope: ListenerScope.CompetingConsumers }
                        && c.Endpoint.Uri.Scheme != TransportConstants.Local);

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task.ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
