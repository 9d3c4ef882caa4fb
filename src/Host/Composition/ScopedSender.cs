using Mediator;
using Microsoft.AspNetCore.Components.Authorization;

namespace PortailFamille.Host.Composition;

/// <summary>
/// For components: one DI scope per request, so each gets a fresh DbContext (a layout and its page
/// render concurrently; a circuit lives for minutes) and each command its own Wolverine outbox.
/// The component's user (the circuit's, revalidated against its server-side session) acts in that scope,
/// so the mediator checks every button's message as it checks the API's.
/// </summary>
internal sealed class ScopedSender(IServiceScopeFactory scopes, AuthenticationStateProvider authentication)
{
    public async Task<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken ct = default)
    {
        await using var scope = await ActingScopeAsync();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, ct);
    }

    public async Task<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken ct = default)
    {
        await using var scope = await ActingScopeAsync();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, ct);
    }

    private async Task<AsyncServiceScope> ActingScopeAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActingUser>().Principal = user;
        return scope;
    }
}
