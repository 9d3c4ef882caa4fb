using System.Globalization;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.BuildingBlocks.Text;

namespace PortailFamille.Billing.Domain;

/// <summary>Refusals of the Billing module (card payments, régie, payment events): stable codes, French messages.</summary>
internal static class BillingErrors
{
    public static readonly Error BadSignature = Error.Validation("billing.bad_signature",
        "La notification de paiement n'est pas authentique (signature invalide ou trop ancienne).");

    public static readonly Error NothingToPay = Error.Validation("billing.nothing_to_pay",
        "Le montant total de votre règlement doit être supérieur à 0,00 €.");

    public static readonly Error AboveMaximum = Error.Validation("billing.above_maximum",
        $"Le montant total d'un paiement par carte ne peut pas dépasser {French.Money(CardPayment.MaximumTotal)}.");

    public static readonly Error GatewayUnavailable = Error.Conflict("billing.gateway_unavailable",
        "Le paiement par carte est momentanément indisponible. Aucun montant n'a été prélevé ; réessayez dans quelques minutes.");

    public static readonly Error NotFound = Error.NotFound("billing.payment_not_found", "Ce paiement est introuvable.");

    public static readonly Error CardPaymentsDisabled = Error.Conflict("billing.card_payments_disabled",
        "Le paiement par carte n'est pas disponible : réglez auprès de la régie (chèque, espèces, virement).");

    public static readonly Error TestGatewayDisabled = Error.NotFound("billing.test_gateway_disabled",
        "La passerelle de paiement de test n'est pas disponible sur ce portail.");

    public static readonly Error BadPayload = Error.Validation("billing.bad_payload",
        "La notification de paiement est illisible : ce n'est pas un événement du prestataire de paiement.");

    public static readonly Error FamilyNotFound = Error.NotFound("billing.family_not_found",
        "Ce compte famille n'existe pas : aucun règlement n'a été enregistré.");

    /// <summary>The régie's refusal names neither what was typed nor the family's wallets.</summary>
    public static readonly Error CashierUnknownWallet = Error.Validation("billing.unknown_wallet",
        "Ce porte-monnaie n'existe pas pour la structure de cette famille : aucun règlement n'a été enregistré.");

    public static Error BelowOwed(string wallet, decimal owed) => Error.Validation("billing.below_amount_owed",
        $"Porte-monnaie {wallet} : le montant de votre règlement ne peut pas être inférieur à la somme due ({French.Money(owed)}).");

    public static Error TooManyDecimals(string wallet) => Error.Validation("billing.amount_precision",
        $"Porte-monnaie {wallet} : le montant s'exprime en euros avec au plus 2 décimales.");

    public static Error NegativeAmount(string wallet) => Error.Validation("billing.negative_amount",
        $"Porte-monnaie {wallet} : le montant ne peut pas être négatif.");

    public static Error UnknownWallet(string wallet) => Error.Validation("billing.unknown_wallet",
        $"Le porte-monnaie {wallet} n'existe pas pour votre compte famille.");

    public static Error DuplicateWallet(string wallet) => Error.Validation("billing.duplicate_wallet",
        $"Le porte-monnaie {wallet} figure plusieurs fois dans le règlement.");

}
