using PortailFamille.Dossier.Contracts;

namespace PortailFamille.Dossier.Domain;

/// <summary>The yearly campaign's proposed school year and deadline.</summary>
internal static class CampaignCalendar
{
    /// <summary>Every fiche validated by 16 August, before the school year starts (guide Dossier Famille).</summary>
    public const int DeadlineMonth = 8, DeadlineDay = 16;

    /// <summary>
    /// From June the current school year's campaign is behind us: the next one proposed is the following school year's
    /// (e.g. « 2025-2026 », due 16 August 2025, from 1 June 2024 to 31 May 2025).
    /// </summary>
    public static CampaignDefaults DefaultsOn(DateOnly today)
    {
        var first = today.Month >= 6 ? today.Year + 1 : today.Year;
        return new CampaignDefaults($"{first}-{first + 1}", new DateOnly(first, DeadlineMonth, DeadlineDay));
    }
}
