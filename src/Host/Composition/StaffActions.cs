using PortailFamille.Accounts.Contracts;
using PortailFamille.Billing.Contracts;
using PortailFamille.Dossier.Contracts;
using PortailFamille.Notifications.Contracts;
using PortailFamille.Reservations.Contracts;

namespace PortailFamille.Host.Composition;

/// <summary>
/// Who may send each staff-only message: the one table read by the mediator's authorisation (<see cref="ActionAuthorizer"/>,
/// for pages, components and API alike), by the pages to show a button, and by the staff menu through each page's
/// [Authorize] policy. A message that takes a nullable family id (a form, a document) serves both families and staff: its
/// owner check is the family rule of <see cref="ActionAuthorizer"/> and the /gestion endpoints' policy.
/// </summary>
internal static class StaffActions
{
    public static readonly IReadOnlyDictionary<Type, string> PolicyByMessage = new Dictionary<Type, string>
    {
        // Accounts: agents Éducation and administrators manage family accounts and read the journal.
        [typeof(CreateFamilyAccount)] = Policies.AccountManagers,
        [typeof(UnlockAccount)] = Policies.AccountManagers,
        [typeof(ListFamilyAccountStatuses)] = Policies.AccountManagers,
        [typeof(ListAuditEntries)] = Policies.AccountManagers,
        // Dossier: review, campaigns, quotients, RGPD erasure, health details for the day sheet.
        [typeof(ListFormsForReview)] = Policies.AccountManagers,
        [typeof(ReviewForm)] = Policies.AccountManagers,
        [typeof(OpenCampaign)] = Policies.AccountManagers,
        [typeof(GetCampaignDefaults)] = Policies.AccountManagers,
        [typeof(RecordFamilyQuotient)] = Policies.AccountManagers,
        [typeof(ListFamilyQuotients)] = Policies.AccountManagers,
        [typeof(EraseFamilyDossier)] = Policies.AccountManagers,
        [typeof(GetHealthDetails)] = Policies.AccountManagers,
        [typeof(ListHealthAlerts)] = Policies.AccountManagers,
        // Reservations: activities, periods, closures, attendance, waitlist, transmission.
        [typeof(CreateActivity)] = Policies.AccountManagers,
        [typeof(UpdateActivityCapacity)] = Policies.AccountManagers,
        [typeof(CreateBookingPeriod)] = Policies.AccountManagers,
        [typeof(AddClosure)] = Policies.AccountManagers,
        [typeof(GetDaySheet)] = Policies.AccountManagers,
        [typeof(MarkAttendance)] = Policies.AccountManagers,
        [typeof(PromoteWaitlistedBooking)] = Policies.AccountManagers,
        [typeof(TransmitPendingLines)] = Policies.AccountManagers,
        // Notifications: writing to every family is the agents' and administrators'; any staff may publish a news item.
        [typeof(BroadcastToStructure)] = Policies.AccountManagers,
        [typeof(PublishNews)] = Policies.Staff,
        // Billing: the régie's payments, ledgers, takings, debtors and payment anomalies.
        [typeof(RecordCashierPayment)] = Policies.Cashiers,
        [typeof(GetLedger)] = Policies.Cashiers,
        [typeof(GetDailyTakings)] = Policies.Cashiers,
        [typeof(ListDebtors)] = Policies.Cashiers,
        [typeof(ListPaymentAnomalies)] = Policies.Cashiers,
    };

    /// <summary>The policy a page checks before showing the button that sends <typeparamref name="TMessage"/>.</summary>
    public static string PolicyFor<TMessage>() => PolicyByMessage[typeof(TMessage)];

    public static readonly PortailFamille.BuildingBlocks.Results.Error Forbidden = PortailFamille.BuildingBlocks.Results.Error.Forbidden(
        "staff.action_forbidden", "Votre rôle ne permet pas cette action. Demandez-la à un agent qui en a le droit.");

    public static readonly PortailFamille.BuildingBlocks.Results.Error OtherFamily = PortailFamille.BuildingBlocks.Results.Error.Forbidden(
        "family.not_yours", "Cette demande concerne une autre famille que la vôtre.");
}
