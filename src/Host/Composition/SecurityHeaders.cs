using PortailFamille.BuildingBlocks.Configuration;

namespace PortailFamille.Host.Composition;

/// <summary>
/// What every response says about itself (issue #14), pages and API alike, and where cookies may travel.
/// One place for the policy: Blazor's own frame-ancestors header and antiforgery's X-Frame-Options are switched off.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>Where Stripe Checkout's pages live: the card payment form's answer redirects there.</summary>
    public const string StripeCheckoutOrigin = "https://checkout.stripe.com";

    public const string CookieSecurePolicyKey = "Security:CookieSecurePolicy";

    public static string ContentSecurityPolicy(bool stripeCheckout) => string.Join("; ",
        "default-src 'self'",
        // No exception for scripts: blazor.web.js, Radzen.Blazor.js and js/*.js are files of this origin, and no component
        // has an inline script or handler (SecurityHeaderScenarios reads them).
        "script-src 'self'",
        // Radzen components write style attributes (hidden popups, their positions, widths), and so do the pages:
        // inline styles are allowed, inline scripts never.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        // CSP 3: 'self' also matches ws:/wss: to the same host and port, i.e. the Blazor circuit's websocket.
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        // Chromium checks a redirect answering a form post against form-action: the card payment form is
        // answered by a redirect to Stripe Checkout when Stripe is configured (the test gateway stays on this origin).
        stripeCheckout ? $"form-action 'self' {StripeCheckoutOrigin}" : "form-action 'self'",
        "frame-ancestors 'self'");

    /// <summary>No page uses these features (Stripe Checkout runs on Stripe's own pages, not through the Payment Request API).</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=()";

    /// <summary>Adds the headers as the response starts, so error pages, status code pages and 429s carry them too.</summary>
    public static IApplicationBuilder UsePortailSecurityHeaders(this IApplicationBuilder app, string contentSecurityPolicy) =>
        app.Use((context, next) =>
        {
            var response = context.Response;
            // The exception handler clears the headers set before it ran: OnStarting runs after it.
            response.OnStarting(() =>
            {
                var headers = response.Headers;
                headers.ContentSecurityPolicy = contentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers.XFrameOptions = "SAMEORIGIN"; // as frame-ancestors 'self', for browsers without CSP 2
                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>
    /// Security:CookieSecurePolicy: Always (every cookie Secure; the default outside Development) or SameAsRequest (Secure
    /// when the request is https, or X-Forwarded-Proto says so from a known proxy: Development, the tests, the bench on plain http).
    /// </summary>
    public static CookieSecurePolicy SecureCookies(IConfiguration configuration, IHostEnvironment environment)
    {
        var text = configuration[CookieSecurePolicyKey]?.Trim();
        if (string.IsNullOrEmpty(text))
            return environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        if (string.Equals(text, nameof(CookieSecurePolicy.Always), StringComparison.OrdinalIgnoreCase)) return CookieSecurePolicy.Always;
        if (string.Equals(text, nameof(CookieSecurePolicy.SameAsRequest), StringComparison.OrdinalIgnoreCase)) return CookieSecurePolicy.SameAsRequest;
        throw Settings.Refuse<CookiePolicyOptions>(CookieSecurePolicyKey, text, "Always or SameAsRequest");
    }

    /// <summary>Every cookie written through the response (session, antiforgery, structure) gets the same Secure rule.</summary>
    public static IServiceCollection AddPortailCookiePolicy(this IServiceCollection services, CookieSecurePolicy secure) =>
        services.Configure<CookiePolicyOptions>(o => o.Secure = secure);
}
