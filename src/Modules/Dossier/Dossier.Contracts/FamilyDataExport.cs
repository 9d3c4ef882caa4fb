using Mediator;

namespace PortailFamille.Dossier.Contracts;

/// <summary>
/// RGPD « mes données »: what the family's data export holds, decided by the Dossier module — its data as JSON
/// (account, children, fiches, contacts, quotients, documents, wallets, bookings) and each document as a file.
/// The Host only writes <paramref name="FamilyAccountId"/>'s files into the archive named <see cref="FamilyDataExport.FileName"/>.
/// </summary>
public sealed record ExportFamilyData(Guid FamilyAccountId) : IQuery<FamilyDataExport>;

public sealed record FamilyDataExport(string FileName, IReadOnlyList<ExportFile> Files);

/// <summary><paramref name="Path"/>: the file's name inside the archive (« donnees.json », « documents/… »).</summary>
public sealed record ExportFile(string Path, byte[] Content);
