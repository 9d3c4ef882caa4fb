using Mediator;
using PortailFamille.BuildingBlocks.Messaging;

namespace PortailFamille.Reservations.Contracts;

/// <summary>
/// The nightly run (or staff on demand): every line still "non transmise" is transmitted, and each
/// family gets one report per structure. Safe to run twice or on two workers at once: a line is
/// claimed by one run only.
/// </summary>
public sealed record TransmitPendingLines : ICommand<TransmissionRun>;

public sealed record TransmissionRun(int Families, int Lines);

/// <summary>The lines of one family and structure that one run transmitted (Notifications mails the report).</summary>
public sealed record LinesTransmitted(Guid FamilyAccountId, Guid StructureId, DateTimeOffset TransmittedAt, IReadOnlyList<TransmittedLine> Lines) : IIntegrationEvent;

public sealed record TransmittedLine(Guid BookingId, string ChildName, string ActivityName, DateOnly Day, BookingAction Action, LineOutcome Outcome);
