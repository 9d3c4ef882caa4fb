using System.IO.Compression;
using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Host.Api;
using PortailFamille.Host.Exports;
using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Host.Composition;

/// <summary>
/// Dossier Famille: the pages' uploads and downloads (antiforgery-checked form posts), the family's RGPD
/// export, and the JSON API of families and staff. Every family route passes the signed-in family's id:
/// the module answers "not found" for anything of another family.
/// </summary>
internal static class DossierEndpoints
{
    /// <summary>2000 KB: the module refuses anything larger, so larger files are not even read.</summary>
    private const long ReadLimit = 2000 * 1024;

    public static WebApplication MapDossierEndpoints(this WebApplication app)
    {
        // Parents' pages.
        var parents = app.MapGroup("/dossier-famille").RequireAuthorization(Policies.Family);
        parents.MapPost("/fiches/{formId:guid}/pieces", (Guid formId, [FromForm] DocumentPiece piece, IFormFileCollection files, ICurrentFamily family, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            UploadAsync(sender, formId, family.Id, piece, files, user, "/dossier-famille", ct));
        parents.MapGet("/pieces/{documentId:guid}", async (Guid documentId, ICurrentFamily family, HttpContext http, ISender sender, CancellationToken ct) =>
            Serve(http, await sender.Send(new GetDocumentContent(documentId, family.Id), ct)));
        parents.MapPost("/pieces/{documentId:guid}/suppression", async (Guid documentId, [FromForm] string? returnTo, ICurrentFamily family, ISender sender, CancellationToken ct) =>
        {
            var result = await sender.Send(new RemoveDocument(documentId, family.Id, family.Name), ct);
            return result.IsSuccess || result.Error!.Kind == ErrorKind.Conflict ? Back(returnTo, "/dossier-famille") : Results.NotFound();
        });
        parents.MapPost("/contacts/{contactId:guid}/suppression", async (Guid contactId, [FromForm] string? returnTo, ICurrentFamily family, ISender sender, CancellationToken ct) =>
        {
            var result = await sender.Send(new DeleteContact(family.Id, contactId), ct);
            return result.IsSuccess ? Back(returnTo, "/dossier-famille") : result.Error!.ToPage();
        });
        parents.MapGet("/mes-donnees", async (ICurrentFamily family, ISender sender, CancellationToken ct) =>
        {
            var export = await sender.Send(new ExportFamilyData(family.Id), ct);
            return Results.File(await ZipAsync(export.Files, ct), "application/zip", export.FileName);
        });

        // Staff filling the dossier of a family without internet, and reading the documents.
        var staff = app.MapGroup("/gestion").RequireAuthorization(Policies.AccountManagers);
        staff.MapPost("/familles/{familyAccountId:guid}/dossier/fiches/{formId:guid}/pieces",
            (Guid familyAccountId, Guid formId, [FromForm] DocumentPiece piece, IFormFileCollection files, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                UploadAsync(sender, formId, familyAccountId, piece, files, user, $"/gestion/familles/{familyAccountId}/dossier", ct));
        staff.MapPost("/familles/{familyAccountId:guid}/dossier/contacts/{contactId:guid}/suppression",
            async (Guid familyAccountId, Guid contactId, [FromForm] string? returnTo, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new DeleteContact(familyAccountId, contactId), ct);
                return result.IsSuccess ? Back(returnTo, "/gestion/dossiers") : result.Error!.ToPage();
            });
        staff.MapGet("/pieces/{documentId:guid}", async (Guid documentId, HttpContext http, ISender sender, CancellationToken ct) =>
            Serve(http, await sender.Send(new GetDocumentContent(documentId, null), ct)));
        staff.MapPost("/pieces/{documentId:guid}/suppression", async (Guid documentId, [FromForm] string? returnTo, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            var result = await sender.Send(new RemoveDocument(documentId, null, Actor(user)), ct);
            return result.IsSuccess || result.Error!.Kind == ErrorKind.Conflict ? Back(returnTo, "/gestion/dossiers") : Results.NotFound();
        });
        staff.MapGet("/pointage/sante/export", async (Guid activityId, DateOnly day, ISender sender, CancellationToken ct) =>
        {
            var sheet = await sender.Send(new GetDaySheet(activityId, day), ct);
            if (sheet.IsFailure) return Results.NotFound();
            var list = ComposeHealthList(sheet.Value, await sender.Send(new ListHealthAlerts(sheet.Value.Expected.Select(l => l.ChildId).ToList()), ct));
            return Results.File(CsvExport.Build(["Jour", "Activité", "Enfant", "PAI", "Allergies", "Régime alimentaire", "Pathologies", "Recommandations", "Médecin", "Téléphone du médecin"],
                list.Lines.Select(l => (IReadOnlyList<object?>)[day, list.ActivityName, l.ChildName, l.Health.HasPai ? "PAI" : "", l.Health.Allergies, l.Health.DietaryNeeds, l.Health.Pathologies, l.Health.Recommendations, l.Health.DoctorName, l.Health.DoctorPhone])),
                "text/csv; charset=utf-8", $"sante-{day:yyyy-MM-dd}.csv");
        });

        return app;
    }

    private static async Task<IResult> UploadAsync(ISender sender, Guid formId, Guid familyAccountId, DocumentPiece piece, IFormFileCollection files, ClaimsPrincipal user, string basePath, CancellationToken ct)
    {
        var uploaded = new List<UploadedFile>();
        foreach (var file in files.Take(10))
        {
            // Never read more than the limit and one byte: the size is refused before the content is held.
            var length = file.Length;
            var content = length > ReadLimit ? [] : await ReadAsync(file, ct);
            uploaded.Add(new UploadedFile(file.FileName, length, content));
        }

        var staff = PortailClaims.IsStaff(user);
        var result = await sender.Send(new UploadDocuments(formId, staff ? null : familyAccountId, piece, uploaded, Actor(user)), ct);
        if (result.IsFailure && result.Error!.Kind == ErrorKind.NotFound) return Results.NotFound();
        var refusals = result.IsFailure
            ? [new UploadRefusalNotice(result.Error!.Code, "")]
            : result.Value.Refused.Select(r => new UploadRefusalNotice(r.Code, r.FileName)).ToList();
        var accepted = result.IsSuccess ? result.Value.Accepted.Count : 0;
        return Results.LocalRedirect($"{basePath}/fiches/{formId}/modifier?depot={accepted}&refus={Uri.EscapeDataString(FormatRefusals(refusals))}");
    }

    /// <summary>
    /// The upload's refusals through its redirect (a plain form post, no JavaScript): « code:name|… », names without « | ».
    /// Codes only, never text: the page asks the Dossier module for their French messages (<see cref="GetUploadRefusalMessages"/>).
    /// </summary>
    internal static string FormatRefusals(IEnumerable<UploadRefusalNotice> refusals) =>
        string.Join('|', refusals.Select(r => $"{r.Code}:{r.FileName.Replace("|", "", StringComparison.Ordinal)}"));

    internal static IReadOnlyList<UploadRefusalNotice> ParseRefusals(string? refusals) =>
        string.IsNullOrEmpty(refusals) ? [] : refusals.Split('|', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => r.Split(':', 2))
            .Select(parts => new UploadRefusalNotice(parts[0], parts.Length > 1 ? parts[1] : ""))
            .ToList();

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>Inline, so images and PDFs preview in the browser; the type is the one sniffed at upload, never the browser's.</summary>
    internal static IResult Serve(HttpContext http, Result<DocumentContent> result)
    {
        if (result.IsFailure) return Results.NotFound();
        var document = result.Value;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.ContentDisposition = InlineDisposition(document.FileName);
        return Results.Bytes(document.Content, document.ContentType);
    }

    /// <summary>
    /// RFC 6266: <c>filename*=UTF-8''…</c> carries the exact name, <c>filename="…"</c> an ASCII one for old clients
    /// (accents dropped, anything else non-ASCII as « _ »). Never RFC 2047 (<c>=?utf-8?B?…?=</c>), which
    /// browsers show as is; System.Net.Mime.ContentDisposition writes that.
    /// </summary>
    internal static string InlineDisposition(string fileName)
    {
        var header = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline");
        header.SetHttpFileName(fileName);
        header.FileName = AsciiFallback(fileName);
        return header.ToString();
    }

    private static string AsciiFallback(string fileName)
    {
        var ascii = new System.Text.StringBuilder(fileName.Length);
        foreach (var c in fileName.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            ascii.Append(c is >= ' ' and <= '~' ? c : '_');
        }

        return ascii.ToString();
    }

    /// <summary>RGPD: the files the Dossier module decided on, in one zip.</summary>
    private static async Task<byte[]> ZipAsync(IReadOnlyList<ExportFile> files, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                await using var entry = zip.CreateEntry(file.Path).Open();
                await entry.WriteAsync(file.Content, ct);
            }
        }

        return buffer.ToArray();
    }

    internal sealed record HealthLine(string ChildName, HealthDetails Health);

    internal sealed record HealthList(string ActivityName, IReadOnlyList<HealthLine> Lines);

    /// <summary>The day sheet's expected children (Reservations) that the Dossier module lists with a health alert, in the sheet's order.</summary>
    internal static HealthList ComposeHealthList(DaySheet sheet, IReadOnlyList<HealthDetails> alerts)
    {
        var byChild = alerts.ToDictionary(a => a.ChildId);
        return new HealthList(sheet.ActivityName, sheet.Expected
            .Where(l => byChild.ContainsKey(l.ChildId))
            .Select(l => new HealthLine(l.ChildName, byChild[l.ChildId]))
            .ToList());
    }

    private static IResult Back(string? returnTo, string fallback) =>
        Results.LocalRedirect(PortalSession.IsLocalUrl(returnTo) ? returnTo! : fallback);

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "";
}
