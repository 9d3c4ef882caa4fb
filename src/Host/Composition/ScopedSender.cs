using Mediator;

namespace PortailFamille.Host.Composition;

/// <summary>
/// For components: one DI scope per request, so each gets a fresh DbContext (a layout and its page
/// render concurrently; a circuit lives for minutes) and each command its own Wolverine outbox.
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
