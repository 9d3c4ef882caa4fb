using System.Net;
using Microsoft.AspNetCore.Diagnostics;

namespace PortailFamille.Host.Composition;

/// <summary>
/// Errors on pages and form posts: a short French page with the right status (400 for a malformed or
/// forged form or a request a validator refused, 500 otherwise). Written directly: re-executing a Blazor page would fail for a POST.
/// </summary>
internal sealed class PageExceptionHandler(ILogger<PageExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, message) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, PageFormRefusals.Message),
            PortailFamille.BuildingBlocks.Mediation.RequestValidationException invalid => (StatusCodes.Status400BadRequest, invalid.Error.Message),
            PortailFamille.BuildingBlocks.Mediation.ActionForbiddenException forbidden => (StatusCodes.Status403Forbidden, forbidden.Error.Message),
            _ => (StatusCodes.Status500InternalServerError, "Votre demande n'a pas pu aboutir. Rien n'a été enregistré à moitié : vous pouvez réessayer dans un instant."),
        };
        if (status >= 500) logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        else logger.LogWarning("Refused {Method} {Path}: {Reason}", httpContext.Request.Method, httpContext.Request.Path, exception.Message);

        await WriteFrenchPageAsync(httpContext, status, message, cancellationToken);
        return true;
    }

    public static async Task WriteFrenchPageAsync(HttpContext httpContext, int status, string message, CancellationToken cancellationToken)
    {
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        var reference = WebUtility.HtmlEncode(httpContext.TraceIdentifier);
        await httpContext.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Erreur — Portail Famille</title><link rel="stylesheet" href="/css/portail.css"></head>
            <body><main class="pf-main"><section class="pf-card pf-narrow">
            <h1>{(status >= 500 ? "Une erreur est survenue" : "Demande refusée")}</h1>
            <p>{WebUtility.HtmlEncode(message)}</p>
            <p class="pf-meta">Référence à communiquer au service : <code>{reference}</code></p>
            <a class="pf-button" href="/">Retour à l'accueil</a>
            </section></main></body></html>
            """, cancellationToken);
    }
}
