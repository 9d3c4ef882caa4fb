using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using PortailFamille.Host.Components.Staff;

namespace PortailFamille.Host.Components.Layout;

/// <summary>
/// The staff menu: each tab is a page, its address and the policy that opens it read from the page itself
/// (@page, [Authorize]), so a role is shown exactly the tabs it may open.
/// </summary>
internal static class StaffMenu
{
    public sealed record Tab(string Label, Type Page)
    {
        public string Href { get; } = Page.GetCustomAttributes<RouteAttribute>().First().Template;

        public string? Policy { get; } = Page.GetCustomAttribute<AuthorizeAttribute>()?.Policy;
    }

    public static readonly IReadOnlyList<Tab> Tabs =
    [
        new("Tableau de bord", typeof(Dashboard)),
        new("Familles", typeof(Families)),
        new("Dossiers", typeof(DossierQueue)),
        new("Activités", typeof(Activities)),
        new("Pointage", typeof(DaySheetPage)),
        new("Régie", typeof(Cashier)),
        new("Journal", typeof(Journal)),
    ];

    public static async Task<IReadOnlyList<Tab>> ForAsync(ClaimsPrincipal user, IAuthorizationService authorization)
    {
        var open = new List<Tab>();
        foreach (var tab in Tabs)
            if (tab.Policy is null || (await authorization.AuthorizeAsync(user, tab.Policy)).Succeeded)
                open.Add(tab);
        return open;
    }
}
