using System.Threading.RateLimiting;
using PortailFamille.BuildingBlocks.Configuration;

namespace PortailFamille.Host.Composition;

/// <summary>
/// Sign-in and password-reset posts are limited per client address (RateLimiting:AuthPermitsPerMinute,
/// default 20 a minute), on top of the per-identifier lock-out of the Accounts module.
/// </summary>
internal sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    public int AuthPermitsPerMinute { get; set; } = 20;

    public static readonly SettingRules<RateLimitingOptions> Rules = new SettingRules<RateLimitingOptions>()
        .Require("RateLimiting:AuthPermitsPerMinute", o => o.AuthPermitsPerMinute, n => n > 0, "a whole number of posts above 0");
}

internal static class RateLimiting
{
    private static readonly string[] LimitedPaths = ["/connexion", "/mot-de-passe", "/api/v1/auth"];

    public static IServiceCollection AddPortailRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = Settings.Read(configuration, RateLimitingOptions.Section, RateLimitingOptions.Rules).AuthPermitsPerMinute;
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (HttpMethods.IsGet(http.Request.Method) || !LimitedPaths.Any(p => http.Request.Path.StartsWithSegments(p)))
                    return RateLimitPartition.GetNoLimiter("unlimited");
                var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter($"auth:{client}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = "60";
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Trop de tentatives",
                        detail: "Trop de tentatives depuis votre connexion : réessayez dans une minute.",
                        extensions: new Dictionary<string, object?> { ["code"] = "rate_limited" }).ExecuteAsync(http);
                    return;
                }

                await PageExceptionHandler.WriteFrenchPageAsync(http, StatusCodes.Status429TooManyRequests,
                    "Trop de tentatives depuis votre connexion : réessayez dans une minute.", ct);
            };
        });
        return services;
    }
}
