using Mediator;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.BuildingBlocks.Mediation;

/// <summary>
/// Decides whether the person behind the current request or circuit may send a message. The Host implements it from
/// its table of staff actions, so a page's button and the matching API route are refused by the same check.
/// </summary>
public interface IActionAuthorizer
{
    /// <summary>The refusal for <paramref name="message"/>, or null when it may go on.</summary>
    ValueTask<Error?> RefusalForAsync(object message, CancellationToken cancellationToken);
}

/// <summary>
/// Authorisation at the action: every message is checked before validation and before its handler, whichever page,
/// endpoint or component sent it. A result-returning request gets its refusal as a failure (403 on the API); any
/// other gets an <see cref="ActionForbiddenException"/>.
/// </summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(IActionAuthorizer authorizer) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var refusal = await authorizer.RefusalForAsync(message, cancellationToken);
        if (refusal is null) return await next(message, cancellationToken);
        return FailureFactory<TResponse>.Create is { } create
            ? create(refusal)
            : throw new ActionForbiddenException(typeof(TMessage).Name, refusal);
    }
}

public sealed class ActionForbiddenException(string requestName, Error error)
    : Exception($"{requestName} refused: {error.Message}")
{
    public Error Error { get; } = error;
}
