using Mediator;

namespace PortailFamille.Billing.Contracts;

/// <summary>Is the family account in debit (a wallet below zero)? Reservations refuses bookings then.</summary>
public sealed record GetAccountStanding(Guid FamilyAccountId) : IQuery<AccountStanding>;

/// <summary><paramref name="DebitWallets"/>: codes of the wallets below zero.</summary>
public sealed record AccountStanding(bool InDebit, decimal TotalBalance, IReadOnlyList<string> DebitWallets);

/// <summary>
/// Prices booking lines for the paying family (tariff of the activity for the family's quotient
/// bracket; no quotient known → the maximum tariff).
/// </summary>
public sealed record PriceBookings(Guid FamilyAccountId, IReadOnlyList<BookingToPrice> Lines) : IQuery<IReadOnlyList<BookingPrice>>;

public sealed record BookingToPrice(Guid LineId, Guid StructureId, string ActivityCode, DateOnly Day);

/// <summary><paramref name="Bracket"/> is the French label of the tariff bracket applied ("Tarif maximal" without quotient).</summary>
public sealed record BookingPrice(Guid LineId, decimal UnitPrice, string Bracket);
