using Mediator;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Features;

namespace PortailFamille.Dossier.Tests.Features;

public sealed class ListHealthAlertsTests
{
    private static readonly Guid WithPai = Guid.NewGuid(), WithPathology = Guid.NewGuid(), Nothing = Guid.NewGuid();

    [Fact]
    public async Task Lists_only_the_children_with_something_to_watch_with_their_fiche_sante()
    {
        var fiches = new FichesSante(
            new HealthDetails(WithPai, true, null, null, null, "Dr MARTIN", "0102030405", null),
            new HealthDetails(WithPathology, false, null, null, "asthme", null, null, "Ventoline dans le sac"),
            new HealthDetails(Nothing, false, null, null, null, "Dr MARTIN", null, null));

        var alerts = await new ListHealthAlertsHandler(fiches).Handle(new ListHealthAlerts([WithPai, WithPathology, Nothing]), CancellationToken.None);

        Assert.Equal([WithPai, WithPathology], alerts.Select(a => a.ChildId));
        Assert.Equal("Ventoline dans le sac", alerts[1].Recommendations);
        Assert.Equal([WithPai, WithPathology, Nothing], fiches.AskedFor);
    }

    /// <summary>The fiches Santé as <see cref="GetHealthDetails"/> answers them.</summary>
    private sealed class FichesSante(params HealthDetails[] details) : ISender
    {
        public IReadOnlyCollection<Guid> AskedFor { get; private set; } = [];

        public ValueTask<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default)
        {
            var ask = query as GetHealthDetails ?? throw Unexpected(query);
            AskedFor = ask.ChildIds;
            return ValueTask.FromResult((TResponse)(object)details.Where(d => ask.ChildIds.Contains(d.ChildId)).ToList());
        }

        public ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default) => throw Unexpected(command);
        public ValueTask<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default) => throw Unexpected(request);
        public ValueTask<object?> Send(object message, CancellationToken cancellationToken = default) => throw Unexpected(message);
        public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamQuery<TResponse> query, CancellationToken cancellationToken = default) => throw Unexpected(query);
        public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamRequest<TResponse> request, CancellationToken cancellationToken = default) => throw Unexpected(request);
        public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamCommand<TResponse> command, CancellationToken cancellationToken = default) => throw Unexpected(command);
        public IAsyncEnumerable<object?> CreateStream(object message, CancellationToken cancellationToken = default) => throw Unexpected(message);

        private static InvalidOperationException Unexpected(object message) => new($"the health list does not send {message.GetType().Name}");
    }
}
