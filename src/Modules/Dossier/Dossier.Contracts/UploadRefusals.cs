using Mediator;

namespace PortailFamille.Dossier.Contracts;

/// <summary>
/// The French messages of an upload's refusals, from their codes: the upload form posts without JavaScript and is
/// redirected, so the page receives codes (<see cref="RefusedFile.Code"/>, or the code of the whole upload's failure)
/// and the file names, and the Dossier module words them, as it did at the upload. An unknown code gets a generic message.
/// </summary>
public sealed record GetUploadRefusalMessages(IReadOnlyList<UploadRefusalNotice> Refusals) : IQuery<IReadOnlyList<string>>;

/// <summary><paramref name="FileName"/> is empty for a refusal of the whole upload (no file, a concurrent upload).</summary>
public sealed record UploadRefusalNotice(string Code, string FileName);
