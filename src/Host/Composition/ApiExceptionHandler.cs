using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using PortailFamille.BuildingBlocks.Mediation;

namespace PortailFamille.Host.Composition;

/// <summary>
/// API errors that are not a handler's refusal become problem details with a stable code and a French detail: input
/// the endpoint could not bind (400 <c>request.malformed</c>, with the field in <c>errors</c> when it is known; 415,
/// 413), a request a validator refused (400 <c>validation.failed</c>), a message the sender's role may not send (403, see
/// <see cref="StaffActions"/>), and unexpected errors (500, no stack trace to
/// the caller, everything in the log).
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api")) return false;

        ProblemDetails problem;
        switch (exception)
        {
            case RequestValidationException invalid:
                problem = ApiProblems.Create(StatusCodes.Status400BadRequest, invalid.Error.Code, invalid.Error.Message);
                if (invalid.Error.Fields.Count > 0) problem.Extensions["errors"] = invalid.Error.Fields;
                break;
            case ActionForbiddenException forbidden:
                problem = ApiProblems.Create(StatusCodes.Status403Forbidden, forbidden.Error.Code, forbidden.Error.Message);
                break;
            case BadHttpRequestException bad:
                problem = ApiProblems.ForStatus(bad.StatusCode);
                if (FieldOf(bad) is { } field)
                    problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = ["Valeur absente ou au mauvais format."] };
                logger.LogInformation("Refused {Method} {Path}: {Reason}", httpContext.Request.Method, httpContext.Request.Path, bad.Message);
                break;
            default:
                logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
                problem = ApiProblems.Create(StatusCodes.Status500InternalServerError, "server.error",
                    "Votre demande n'a pas pu aboutir. Rien n'a été enregistré à moitié : vous pouvez réessayer dans un instant.");
                break;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// The field a binding failure names: the JSON path of a body that does not fit its type (System.Text.Json's
    /// <see cref="JsonException.Path"/>), or the query or route parameter of ASP.NET Core's message
    /// (« Failed to bind parameter "int year" from "abc". »); null when neither says.
    /// </summary>
    private static string? FieldOf(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException { Path: { Length: > 1 } path } && path.StartsWith("$.", StringComparison.Ordinal)) return path[2..];
        var parameter = BoundParameter().Match(bad.Message);
        return parameter.Success ? parameter.Groups[1].Value : null;
    }

    [GeneratedRegex("parameter \"[^\" ]+ ([^\" ]+)\"")]
    private static partial Regex BoundParameter();
}

/// <summary>The API's problem details for a bare status (binding, routing, authorization, media type): code and French detail.</summary>
internal static class ApiProblems
{
    public static ProblemDetails ForStatus(int status)
    {
        var (code, detail) = status switch
        {
            StatusCodes.Status400BadRequest => ("request.malformed", "La requête n'est pas au format attendu : un paramètre ou le corps JSON est absent, illisible ou d'un mauvais type."),
            StatusCodes.Status401Unauthorized => ("unauthenticated", "Connectez-vous pour accéder à cette ressource."),
            StatusCodes.Status403Forbidden => ("forbidden", "Votre compte n'a pas accès à cette ressource."),
            StatusCodes.Status404NotFound => ("not_found", "Cette ressource n'existe pas."),
            StatusCodes.Status405MethodNotAllowed => ("request.method_not_allowed", "Cette méthode HTTP n'est pas acceptée sur cette adresse."),
            StatusCodes.Status413PayloadTooLarge => ("request.too_large", "Le corps de la requête est trop volumineux."),
            StatusCodes.Status415UnsupportedMediaType => ("request.unsupported_media_type", "Le corps de la requête doit être du JSON (Content-Type: application/json)."),
            _ when status < 500 => ("request.refused", "La requête a été refusée."),
            _ => ("server.error", "Votre demande n'a pas pu aboutir. Vous pouvez réessayer dans un instant."),
        };
        return Create(status, code, detail);
    }

    public static ProblemDetails Create(int status, string code, string detail)
    {
        var problem = new ProblemDetails { Status = status, Title = detail, Detail = detail };
        problem.Extensions["code"] = code;
        return problem;
    }

    /// <summary>UseStatusCodePages for the API: an error status without a body (routing, authorization, binding) gets its problem details.</summary>
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var writer = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await writer.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = ForStatus(http.Response.StatusCode) });
    }
}
