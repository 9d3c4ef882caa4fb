using Mediator;
using Microsoft.EntityFrameworkCore;

// A miniature of the real layout (root "ArchFixture", modules Alpha and Beta, composition root Host, shared
// kernel BuildingBlocks) with planted violations. Each is named Violation* so the tests can check that a rule
// reports exactly the planted types and nothing else; everything not named so is clean for every rule.

namespace ArchFixture.BuildingBlocks.Messaging
{
    /// <summary>Clean: the shared kernel's event marker (the real one is PortailFamille.BuildingBlocks.Messaging.IIntegrationEvent).</summary>
    public interface IIntegrationEvent;
}

namespace ArchFixture.BuildingBlocks
{
    /// <summary>VIOLATION (BuildingBlocks depend on no module): the shared kernel names a module's contract.</summary>
    public static class ViolationKernelKnowsAModule
    {
        public static object Ask() => new ArchFixture.Alpha.Contracts.CountAlphas();
    }
}

namespace ArchFixture.Alpha.Contracts
{
    using ArchFixture.BuildingBlocks.Messaging;

    public sealed record CountAlphas : IQuery<int>;

    /// <summary>Clean: an event that depends on nothing internal, handled by Beta (AlphaCountedHandler).</summary>
    public sealed record AlphaCounted(int Count) : IIntegrationEvent;

    /// <summary>VIOLATION (contracts depend on nothing internal): exposes a type of the module's internals.</summary>
    public sealed record ViolationLeakyContract(ArchFixture.Alpha.Features.AlphaSummary Summary);

    /// <summary>VIOLATION (integration events are handled): published by no one's mistake, handled by no one.</summary>
    public sealed record ViolationUnhandledEvent(int Count) : IIntegrationEvent;

    /// <summary>VIOLATION (integration events are handled): its only adapter is not a static class, so Wolverine never sees it.</summary>
    public sealed record ViolationEventWithNonStaticHandler(int Count) : IIntegrationEvent;

    /// <summary>VIOLATION (sealed immutable records): an event anyone can change after it is published.</summary>
    public sealed record ViolationMutableEvent : IIntegrationEvent
    {
        public int Count { get; set; }
    }

    /// <summary>VIOLATION (sealed immutable records): a request record open to inheritance.</summary>
    public record ViolationOpenRequest : IQuery<int>;

    /// <summary>VIOLATION (no technical suffix): a command named for its kind rather than for what it does.</summary>
    public sealed record ViolationRenameAlphaCommand(string Name) : ICommand<int>;
}

namespace ArchFixture.Alpha.Domain
{
    /// <summary>Clean: an internal entity.</summary>
    internal sealed class AlphaEntity
    {
        public int Id { get; init; }
    }

    /// <summary>Clean: a public record nested in an internal type is not visible outside the assembly.</summary>
    internal static class AlphaRules
    {
        public sealed record Verdict(bool Open);
    }
}

namespace ArchFixture.Alpha.Persistence
{
    using ArchFixture.Alpha.Domain;

    /// <summary>VIOLATION (DbContexts and entities are not public): another assembly could open Alpha's tables.</summary>
    public class ViolationPublicDbContext(DbContextOptions options) : DbContext(options)
    {
        internal DbSet<AlphaEntity> Alphas => Set<AlphaEntity>();
    }
}

namespace ArchFixture.Alpha.Features
{
    using ArchFixture.Alpha.Contracts;

    /// <summary>Clean: internal sealed slice handler.</summary>
    internal sealed class CountAlphasHandler : IQueryHandler<CountAlphas, int>
    {
        public ValueTask<int> Handle(CountAlphas query, CancellationToken cancellationToken) => ValueTask.FromResult(new Domain.AlphaEntity().Id);
    }

    /// <summary>Clean: public (the leaky contract exposes it), but neither an entity nor a handler.</summary>
    public sealed record AlphaSummary(int Count);

    /// <summary>Clean request: its handler below is correctly named, only its visibility is wrong.</summary>
    public sealed record ViolationPublic : IQuery<int>;

    /// <summary>VIOLATION (slice handlers are not public).</summary>
    public sealed class ViolationPublicHandler : IQueryHandler<ViolationPublic, int>
    {
        public ValueTask<int> Handle(ViolationPublic query, CancellationToken cancellationToken) => ValueTask.FromResult(0);
    }
}

namespace ArchFixture.Alpha
{
    /// <summary>Clean: the module's registration entry point.</summary>
    public static class AlphaModule
    {
        public static int Register() => 1;
    }
}

namespace ArchFixture.Beta.Persistence
{
    /// <summary>Clean: an internal DbContext; it maps an entity that lives outside Domain/ (as CalendarFeed does in Reservations).</summary>
    internal sealed class BetaDbContext(DbContextOptions<BetaDbContext> options) : DbContext(options)
    {
        public DbSet<ArchFixture.Beta.Features.ViolationPublicEntity> Things => Set<ArchFixture.Beta.Features.ViolationPublicEntity>();
    }
}

namespace ArchFixture.Beta.Persistence.Migrations
{
    /// <summary>Clean: EF's tools write migrations public and mark them [DbContext].</summary>
    [Microsoft.EntityFrameworkCore.Infrastructure.DbContext(typeof(ArchFixture.Beta.Persistence.BetaDbContext))]
    public partial class Initial;
}

namespace ArchFixture.Beta.Features
{
    using ArchFixture.Alpha.Contracts;

    /// <summary>Clean: asks module Alpha through its contracts.</summary>
    internal sealed class AsksAlphaThroughContracts
    {
        public object Ask() => new ArchFixture.Alpha.Contracts.CountAlphas();
    }

    /// <summary>VIOLATION (modules meet only through Contracts): reaches into Alpha's internals.</summary>
    internal sealed class ViolationReachesIntoAlpha
    {
        public int Read() => new ArchFixture.Alpha.Domain.AlphaEntity().Id;
    }

    /// <summary>VIOLATION (DbContexts and entities are not public): an entity (BetaDbContext maps it) declared public.</summary>
    public sealed class ViolationPublicEntity
    {
        public int Id { get; init; }
    }

    /// <summary>Clean: Wolverine adapter for Alpha's event.</summary>
    public static class AlphaCountedHandler
    {
        public static Task Handle(AlphaCounted message, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Clean: the mutable event is handled (what is wrong with it is its setter).</summary>
    public static class ViolationMutableEventHandler
    {
        public static Task HandleAsync(ViolationMutableEvent message) => Task.CompletedTask;
    }

    /// <summary>Clean itself: a static Handle in a class that is not static, which Wolverine's discovery here skips.</summary>
    public sealed class ViolationEventWithNonStaticHandlerHandler
    {
        public static Task Handle(ViolationEventWithNonStaticHandler message) => Task.CompletedTask;
    }

    internal sealed record CountBetas : IQuery<int>;

    /// <summary>VIOLATION (Mediator handlers are named &lt;Request&gt;Handler): handles CountBetas.</summary>
    internal sealed class ViolationMisnamedHandler : IQueryHandler<CountBetas, int>
    {
        public ValueTask<int> Handle(CountBetas query, CancellationToken cancellationToken) => ValueTask.FromResult(2);
    }
}

namespace ArchFixture.Host.Composition
{
    /// <summary>Clean: the composition root registers modules through their entry point.</summary>
    internal static class Composition
    {
        public static int Compose() => ArchFixture.Alpha.AlphaModule.Register();
    }
}

namespace ArchFixture.Host.Pages
{
    /// <summary>VIOLATION (Host uses module internals only for registration): a page reads an entity.</summary>
    internal sealed class ViolationPageUsesEntity
    {
        public int Show() => new ArchFixture.Alpha.Domain.AlphaEntity().Id;
    }
}

namespace ArchFixture.Host.Mediation
{
    /// <summary>Clean: what the Mediator generator writes names internals, in its methods and in their state machines.</summary>
    [System.CodeDom.Compiler.GeneratedCode("Mediator.SourceGenerator", "3.0.0.0")]
    internal sealed class GeneratedMediator
    {
        public async Task<int> SendAsync()
        {
            await Task.Yield();
            return new ArchFixture.Alpha.Domain.AlphaEntity().Id;
        }
    }

    /// <summary>
    /// VIOLATION (Host uses module internals only for registration, and the mediator namespace holds only generated
    /// code): hand-written code in the generator's namespace is not exempt.
    /// </summary>
    internal sealed class ViolationHandWrittenInMediation
    {
        public int Peek() => new ArchFixture.Alpha.Domain.AlphaEntity().Id;
    }
}

namespace ArchFixture.Host.Mediation.Internals
{
    /// <summary>Clean: the generator also writes container probes, without the attribute.</summary>
    internal sealed class ContainerProbe0;
}
