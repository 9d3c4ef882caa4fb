using Mediator;

namespace PortailFamille.Dossier.Contracts;

/// <summary>What the « ouvrir une campagne » form proposes today: the next school year and its deadline (16 August).</summary>
public sealed record GetCampaignDefaults : IQuery<CampaignDefaults>;

public sealed record CampaignDefaults(string SchoolYear, DateOnly Deadline);
