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

await app.Services.MigrateAndSeedAsync(seedDemoData: app.Configuration.GetValue("Demo:SeedData", false));

app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/erreur", CreateScopeForErrors = true });
// API callers get problem details; people get a French page.
app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/introuvable", createScopeForStatusCodePages: true));
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapPortailEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
