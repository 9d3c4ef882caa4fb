using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Host.Composition;

internal static class ResultHttp
{
    /// <summary>Maps a refusal to 400/403/404/409 problem details carrying the stable code and the French message.</summary>
    public static IResult ToProblem(this Error error)
    {
        var status = StatusOf(error);
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Fields.Count > 0) extensions["errors"] = error.Fields;
        var problem = Results.Problem(detail: error.Message, statusCode: status, title: error.Message, extensions: extensions);
        return error.Kind == ErrorKind.Busy ? new RetryAfter(problem, BusyRetrySeconds) : problem;
    }

    /// <summary>A refusal of a page's form post (outside the API): the French page, with the status and message of the refusal.</summary>
    public static IResult ToPage(this Error error) => new FrenchPage(StatusOf(error), error.Message);

    private static int StatusOf(Error error) => error.Kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.TooManyAttempts => StatusCodes.Status429TooManyRequests,
        ErrorKind.Busy => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };

    private sealed class FrenchPage(int status, string message) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) =>
            PageExceptionHandler.WriteFrenchPageAsync(httpContext, status, message, httpContext.RequestAborted);
    }

    /// <summary>What a saturated service asks clients to wait before trying again.</summary>
    public const int BusyRetrySeconds = 5;

    private sealed class RetryAfter(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }

    /// <summary>204 when done, else the refusal as problem details.</summary>
    public static IResult ToNoContent(this Result result) => result.IsSuccess ? Results.NoContent() : result.Error!.ToProblem();

    public static IResult ToHttpResult<T>(this Result<T> result, Func<T, IResult>? onSuccess = null) =>
        result.IsSuccess ? (onSuccess ?? (v => Results.Ok(v)))(result.Value) : result.Error!.ToProblem();
}

internal static class ErrorMessages
{
    /// <summary>Per-field messages when the validation gave them, else the error's message.</summary>
    public static IReadOnlyList<string> Messages(this PortailFamille.BuildingBlocks.Results.Error error) =>
        error.Fields.Count > 0 ? error.Fields.SelectMany(f => f.Value).Distinct().ToList() : [error.Message];
}
