using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.BuildingBlocks.Mediation;

/// <summary>Structured log of every request: name, outcome, refusal code, duration.</summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var name = typeof(TMessage).Name;
        try
        {
            var response = await next(message, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response is IResultBase { IsSuccess: false, Error: { } error })
                logger.LogInformation("Request {Request} refused with {ErrorCode} in {ElapsedMs:0.0} ms", name, error.Code, elapsed);
            else
                logger.LogDebug("Request {Request} handled in {ElapsedMs:0.0} ms", name, elapsed);
            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Request {Request} failed after {ElapsedMs:0.0} ms", name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }
}
