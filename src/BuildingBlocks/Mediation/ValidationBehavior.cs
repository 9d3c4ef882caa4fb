using FluentValidation;
using Mediator;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.BuildingBlocks.Mediation;

/// <summary>
/// Runs every FluentValidation validator of the message before its handler. A result-returning
/// request gets a validation failure with French messages per field; any other request gets a
/// <see cref="RequestValidationException"/> (a caller bug, mapped to 400 by the Host).
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var outcome = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(outcome.Errors);
        }

        if (failures.Count == 0)
            return await next(message, cancellationToken);

        var fields = failures
            .GroupBy(f => f.PropertyName)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
        var error = new Error(
            "validation.failed",
            string.Join(" ", failures.Select(f => f.ErrorMessage).Distinct()),
            ErrorKind.Validation) { Fields = fields };

        return FailureFactory<TResponse>.Create is { } create
            ? create(error)
            : throw new RequestValidationException(typeof(TMessage).Name, error);
    }
}

public sealed class RequestValidationException(string requestName, Error error)
    : Exception($"{requestName} is invalid: {error.Message}")
{
    public Error Error { get; } = error;
}

/// <summary>Builds a failed TResponse when TResponse is one of our result types; cached per type.</summary>
internal static class FailureFactory<TResponse>
{
    public static readonly Func<Error, TResponse>? Create = Build();

    private static Func<Error, TResponse>? Build()
    {
        var type = typeof(TResponse);
        if (!typeof(IResultBase).IsAssignableFrom(type)) return null;
        var method = type.GetMethod("FromError", [typeof(Error)]);
        return method is null ? null : error => (TResponse)method.Invoke(null, [error])!;
    }
}
