using Mediator;
using Microsoft.Extensions.Logging;
using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.BuildingBlocks.Mediation;

/// <summary>
/// A command whose transaction the database refused because another one changed the same rows at the same moment
/// (a unique index, a concurrency token, a PostgreSQL deadlock, SQLite busy: <see cref="DatabaseConflicts"/>) answers
/// a conflict — 409 with a French message — instead of a 500. Nothing of it was kept: the transaction rolled back.
/// Handlers that know a better answer for their own conflict (« ce panier vient d'être validé ») catch it themselves.
/// </summary>
public sealed class ConflictBehavior<TMessage, TResponse>(ILogger<ConflictBehavior<TMessage, TResponse>> logger) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public static readonly Error ConcurrentChange = Error.Conflict("concurrent_change",
        "Une autre modification a été enregistrée au même moment : la vôtre ne l'a pas été. Rechargez la page et recommencez.");

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception ex) when (message is IBaseCommand && FailureFactory<TResponse>.Create is not null && DatabaseConflicts.IsConflict(ex))
        {
            logger.LogWarning(ex, "{Request} refused by a concurrent transaction: answered concurrent_change", typeof(TMessage).Name);
            return FailureFactory<TResponse>.Create!(ConcurrentChange);
        }
    }
}
