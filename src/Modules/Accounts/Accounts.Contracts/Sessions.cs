using Mediator;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.Accounts.Contracts;

/// <summary>Opens the server side of a session cookie for a user who just signed in.</summary>
public sealed record OpenSession(Guid UserId, bool KeptSignedIn) : ICommand<OpenedSession>;

public sealed record OpenedSession(Guid SessionId, DateTimeOffset ExpiresAt);

/// <summary>Is this session of this user still open (not ended, not expired)? Asked on every request.</summary>
public sealed record CheckSession(Guid SessionId, Guid UserId) : IQuery<bool>;

/// <summary>« Se déconnecter »: ends this session.</summary>
public sealed record EndSession(Guid SessionId) : ICommand<Result>;

/// <summary>
/// « Se déconnecter partout »: ends every open session of the user, on every device and Host; answers how many.
/// Staff doing it for a family name themselves (audited).
/// </summary>
public sealed record EndAllSessions(Guid UserId, Guid? StaffId = null, string? StaffName = null) : ICommand<Result<int>>;
