using Mediator;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Dossier.Contracts;

/// <summary>The yearly update of the Dossier Famille, due by its deadline (e.g. 16 August).</summary>
public sealed record CampaignView(string SchoolYear, DateOnly Deadline, DateTimeOffset OpenedAt, string OpenedBy);

public sealed record GetCurrentCampaign : IQuery<CampaignView?>;

/// <summary>Opens a school year: every validated fiche becomes « à mettre à jour »; answers how many.</summary>
public sealed record OpenCampaign(string SchoolYear, DateOnly Deadline, string StaffName) : ICommand<Result<int>>;

/// <summary>Booking gate asked by Reservations: once a campaign is open, every fiche must be validated.</summary>
public sealed record GetBookingEligibility(Guid FamilyAccountId) : IQuery<BookingEligibility>;

public sealed record BookingEligibility(bool MayBook, int FormsNotValidated, DateOnly? Deadline);
