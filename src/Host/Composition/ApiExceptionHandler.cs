using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using PortailFamille.BuildingBlocks.Mediation;

namespace PortailFamille.Host.Composition;

/// <summary>Unexpected errors become problem details (no stack trace to the caller, everything in the log).</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api")) return false;

        var (status, title, code) = exception switch
        {
            RequestValidationException => (StatusCodes.Status400BadRequest, "Requête invalide", "validation.failed"),
            ActionForbiddenException forbidden => (StatusCodes.Status403Forbidden, "Action refusée", forbidden.Error.Code),
            BadHttpRequestException => (StatusCodes.Status400BadRequest, "Requête invalide", "request.malformed"),
            _ => (StatusCodes.Status500InternalServerError, "Erreur interne", "server.error"),
        };
        if (status >= 500) logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);

        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = exception switch
        {
            ActionForbiddenException forbidden => forbidden.Error.Message,
            _ when status < 500 => exception.Message,
            _ => null,
        } };
        problem.Extensions["code"] = code;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
