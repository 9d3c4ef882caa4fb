using Mediator;

// A miniature of the real layout (root "ArchFixture", modules Alpha and Beta, composition root Host)
// with one planted violation per rule. Each is named Violation* so the tests can check that a rule
// reports exactly the planted types and nothing else.

namespace ArchFixture.Alpha.Contracts
{
    public sealed record CountAlphas : IQuery<int>;

    /// <summary>Clean: a contract that depends on nothing internal.</summary>
    public sealed record AlphaCounted(int Count);

    /// <summary>VIOLATION (contracts depend on nothing internal): exposes an internal entity.</summary>
    public sealed record ViolationLeakyContract(ArchFixture.Alpha.Domain.AlphaEntity Entity);
}

namespace ArchFixture.Alpha.Domain
{
    public sealed class AlphaEntity
    {
        public int Id { get; init; }
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

    public sealed record CountAlphasAgain : IQuery<int>;

    /// <summary>VIOLATION (slice handlers are not public).</summary>
    public sealed class ViolationPublicHandler : IQueryHandler<CountAlphasAgain, int>
    {
        public ValueTask<int> Handle(CountAlphasAgain query, CancellationToken cancellationToken) => ValueTask.FromResult(0);
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

namespace ArchFixture.Beta.Features
{
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
