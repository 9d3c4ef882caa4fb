using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation;
using Mediator;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.BuildingBlocks.Mediation;

/// <summary>
/// Runs the text rule shared by every message (<see cref="TextRules"/>), then every FluentValidation validator of the message before its handler. A result-returning
/// request gets a validation failure with French messages per field; any other request gets a
/// <see cref="RequestValidationException"/> (a caller bug, mapped to 400 by the Host).
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = TextRules.Check(message);
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

/// <summary>
/// No text of any request carries U+0000: PostgreSQL refuses it in text columns and parameters (22021, a 500 after the
/// handler ran), and no form or API field has a use for it. Checked here once for every command and query, whatever
/// their entry point: the message's string properties, string lists, and dictionaries' keys and values.
/// </summary>
internal static class TextRules
{
    public const string NulMessage = "Ce texte contient un caractère nul (U+0000), refusé.";

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> TextProperties = new();

    public static List<FluentValidation.Results.ValidationFailure> Check(object message)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var property in TextProperties.GetOrAdd(message.GetType(), Find))
        {
            if (HasNul(property.GetValue(message)))
                failures.Add(new FluentValidation.Results.ValidationFailure(property.Name, NulMessage));
        }

        return failures;
    }

    private static PropertyInfo[] Find(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead
            && (p.PropertyType == typeof(string) || (typeof(IEnumerable).IsAssignableFrom(p.PropertyType) && p.PropertyType != typeof(byte[]) && CarriesText(p.PropertyType))))
        .ToArray();

    private static bool CarriesText(Type type) => type.GetInterfaces().Append(type)
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        .Select(i => i.GetGenericArguments()[0])
        .Any(e => e == typeof(string) || (e.IsGenericType && e.GetGenericTypeDefinition() == typeof(KeyValuePair<,>) && e.GetGenericArguments().Contains(typeof(string))));

    private static bool HasNul(object? value) => value switch
    {
        string text => text.Contains('\0', StringComparison.Ordinal),
        IDictionary dictionary => dictionary.Keys.Cast<object?>().Any(HasNul) || dictionary.Values.Cast<object?>().Any(HasNul),
        IEnumerable<string?> texts => texts.Any(HasNul),
        IEnumerable items => items.Cast<object?>().Any(i => i is not null && HasNul(PairPart(i, "Key")) | HasNul(PairPart(i, "Value"))),
        _ => false,
    };

    private static object? PairPart(object pair, string name) => pair.GetType().GetProperty(name)?.GetValue(pair);
}
