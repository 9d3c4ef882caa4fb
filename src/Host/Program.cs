using PortailFamille.BuildingBlocks.Persistence;
using PortailFamille.Host.Components;
using PortailFamille.Host.Composition;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortail();

var app = builder.Build();

var database = app.Services.GetRequiredService<DatabaseOptions>();
await ModuleDatabaseRegistration.PrepareSqliteAsync(database);
if (args.Contains("migrate"))
{
    // `dotnet run --project src/Host -- migrate`: apply every module's migrations, then stop.
    await app.Services.MigrateAndSeedAsync(seedDemoData: false);
    return;
}

await app.Services.MigrateAndSeedAsync(seedDemoData: app.Services.GetRequiredService<PortailFamille.Composition.PortailSettings>().Demo.SeedData);

// Forwarded headers first (when proxies are configured): the rate limiter, HSTS and cookies see the real client and scheme.
app.UsePortailForwardedHeaders();
if (!app.Environment.IsDevelopment()) app.UseHsts(); // only on https requests, never for localhost
app.UsePortailSecurityHeaders(SecurityHeaders.ContentSecurityPolicy(
    stripeCheckout: StripeSettings.IsConfigured(app.Configuration)));
app.UseCookiePolicy(); // before anything writes a cookie: Security:CookieSecurePolicy marks every one
app.UseExceptionHandler();
// API callers get problem details; people get a French page.
app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages(ApiProblems.WriteAsync));
app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api") && HttpMethods.IsGet(ctx.Request.Method),
    pages => pages.UseStatusCodePagesWithReExecute("/introuvable", createScopeForStatusCodePages: true));
// A refused form post (e.g. a missing antiforgery token) is not re-executed: that would validate it again.
app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(ctx.Request.Method),
    posts => posts.UseStatusCodePages(context => PageExceptionHandler.WriteFrenchPageAsync(context.HttpContext,
        context.HttpContext.Response.StatusCode, PageFormRefusals.Message, context.HttpContext.RequestAborted)));
app.UseStaticFiles();
app.UseRouting(); // after the status code pages, so a re-executed request is routed again
app.UseAuthentication();
app.UseRateLimiter();
app.UseMiddleware<SignInGateMiddleware>();
app.UseAuthorization();
app.UseAntiforgery();
app.UseMiddleware<PageFormRefusals>(); // a page's own refusal of a form post (Blazor writes it) becomes the French page

app.MapStaticAssets();
app.MapPortailEndpoints();
app.MapBillingEndpoints();
app.MapDossierEndpoints();
// Our Content-Security-Policy carries frame-ancestors 'self' on every response, not only on Blazor's.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);

await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
