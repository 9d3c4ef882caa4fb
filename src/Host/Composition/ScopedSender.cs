using Mediator;

namespace PortailFamille.Host.Composition;

/// <summary>
/// For interactive (circuit) components: one DI scope per request, so each command gets a fresh
/// DbContext and its own Wolverine outbox (a circuit lives for minutes; a shared scope would not).
/// </summary>
internal sealed class ScopedSender(IServiceScopeFactory scopes)
{
    public async Task<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, ct);
    }

    public async Task<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, ct);
    }
}
