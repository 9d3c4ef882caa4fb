using Mediator;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Host.Composition;

namespace PortailFamille.Host.Api;

/// <summary>
/// Dossier Famille: the family's children, dossier, fiches, documents and booking gate; the agents' review queue,
/// campaigns, quotients and RGPD erasure. Every family route passes the signed-in family's id: the module answers
/// "not found" for anything of another family.
/// </summary>
internal static class DossierApi
{
    public static RouteGroupBuilder MapDossierApiV1(this RouteGroupBuilder api)
    {
        api.MapGet("/children", async (ICurrentFamily family, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListChildren(family.Id), ct))).RequireAuthorization(Policies.Family);

        var dossier = api.MapGroup("/dossier").RequireAuthorization(Policies.Family);
        dossier.MapGet("/", async (ICurrentFamily family, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new OpenDossier(family.Id), ct)));
        dossier.MapGet("/forms/{formId:guid}", async (Guid formId, ICurrentFamily family, ISender sender, CancellationToken ct) =>
            (await sender.Send(new GetForm(formId, family.Id), ct)).ToHttpResult());
        dossier.MapPut("/forms/{formId:guid}", async (Guid formId, SaveFormRequest body, ICurrentFamily family, ISender sender, CancellationToken ct) =>
            (await sender.Send(new SaveForm(formId, family.Id, body.Values ?? new Dictionary<string, string?>(), body.Mode, body.SwornStatement, body.SignerName, family.Name), ct))
                .ToNoContent());
        dossier.MapGet("/documents/{documentId:guid}", async (Guid documentId, ICurrentFamily family, HttpContext http, ISender sender, CancellationToken ct) =>
            DossierEndpoints.Serve(http, await sender.Send(new GetDocumentContent(documentId, family.Id), ct)));
        dossier.MapGet("/campaign", async (ICurrentFamily family, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetBookingEligibility(family.Id), ct)));

        var staff = api.MapGroup("/staff/dossier").RequireAuthorization(Policies.AccountManagers);
        staff.MapGet("/forms", async ([AsParameters] FormQueueQuery query, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListFormsForReview(query.Status, query.FamilyAccountId, query.Child, query.Skip ?? 0, query.Take ?? 50), ct)));
        staff.MapGet("/forms/{formId:guid}", async (Guid formId, ISender sender, CancellationToken ct) =>
            (await sender.Send(new GetForm(formId, null), ct)).ToHttpResult());
        staff.MapPost("/forms/{formId:guid}/review", async (Guid formId, ReviewRequest body, ICurrentStaff agent, ISender sender, CancellationToken ct) =>
            (await sender.Send(new ReviewForm(formId, body.Approve, body.Reason, agent.Name), ct)).ToNoContent());
        staff.MapPost("/campaigns", async (CampaignRequest body, ICurrentStaff agent, ISender sender, CancellationToken ct) =>
            (await sender.Send(new OpenCampaign(body.SchoolYear ?? "", body.Deadline, agent.Name), ct)).ToHttpResult(n => Results.Ok(new { formsToUpdate = n })));
        staff.MapPost("/quotients", async (QuotientRequest body, ICurrentStaff agent, ISender sender, CancellationToken ct) =>
            (await sender.Send(new RecordFamilyQuotient(body.FamilyAccountId, body.Year, body.ReferenceIncome, body.Parts, agent.Name), ct)).ToHttpResult());
        staff.MapGet("/quotients/{familyAccountId:guid}", async (Guid familyAccountId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListFamilyQuotients(familyAccountId), ct)));
        staff.MapDelete("/families/{familyAccountId:guid}", async (Guid familyAccountId, ICurrentStaff agent, ISender sender, CancellationToken ct) =>
            (await sender.Send(new EraseFamilyDossier(familyAccountId, agent.Name), ct)).ToHttpResult());
        return api;
    }
}

/// <summary>The review queue's filters and page.</summary>
internal sealed record FormQueueQuery(FormStatus? Status, Guid? FamilyAccountId, string? Child, int? Skip, int? Take);

internal sealed record SaveFormRequest(IReadOnlyDictionary<string, string?>? Values, SaveMode Mode, bool SwornStatement, string? SignerName);

internal sealed record ReviewRequest(bool Approve, string? Reason);

internal sealed record CampaignRequest(string? SchoolYear, DateOnly Deadline);

internal sealed record QuotientRequest(Guid FamilyAccountId, int Year, decimal ReferenceIncome, decimal Parts);
