namespace PortailFamille.BuildingBlocks.Results;

/// <summary>How an expected refusal maps to HTTP (400/403/404/409) and to the UI.</summary>
public enum ErrorKind
{
    Validation,
    Forbidden,
    NotFound,
    Conflict,
    /// <summary>Too many attempts: retry later (429).</summary>
    TooManyAttempts,
    /// <summary>The service is saturated for a moment: retry in a few seconds (503 with Retry-After).</summary>
    Busy,
}

/// <summary>An expected refusal: a stable English code for machines, a French message for people.</summary>
public sealed record Error(string Code, string Message, ErrorKind Kind)
{
    /// <summary>Field name → French messages, filled by the validation behaviour.</summary>
    public IReadOnlyDictionary<string, string[]> Fields { get; init; } = new Dictionary<string, string[]>();

    public static Error Validation(string code, string message) => new(code, message, ErrorKind.Validation);
    public static Error NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);
    public static Error Forbidden(string code, string message) => new(code, message, ErrorKind.Forbidden);
    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);
    public static Error TooManyAttempts(string code, string message) => new(code, message, ErrorKind.TooManyAttempts);
    public static Error Busy(string code, string message) => new(code, message, ErrorKind.Busy);
}
