using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PortailFamille.BuildingBlocks.Mediation;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.BuildingBlocks.Tests;

public sealed class ConflictBehaviorTests
{
    public sealed record Rename(string Name) : ICommand<Result<int>>;

    public sealed record Touch(string Name) : ICommand<int>;

    public sealed record Read(string Name) : IQuery<Result<int>>;

    [Fact]
    public async Task A_command_refused_by_a_concurrent_transaction_answers_a_conflict_instead_of_throwing()
    {
        var behavior = new ConflictBehavior<Rename, Result<int>>(NullLogger<ConflictBehavior<Rename, Result<int>>>.Instance);

        var result = await behavior.Handle(new Rename("x"), (_, _) => throw new DbUpdateConcurrencyException("0 rows"), CancellationToken.None);

        Assert.True(result.IsFailure);
        Assert.Equal("concurrent_change", result.Error!.Code);
        Assert.Equal(ErrorKind.Conflict, result.Error.Kind);
    }

    [Fact]
    public async Task A_postgres_deadlock_wrapped_as_a_transient_failure_is_a_conflict_too()
    {
        var behavior = new ConflictBehavior<Rename, Result<int>>(NullLogger<ConflictBehavior<Rename, Result<int>>>.Instance);
        var deadlock = new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new Npgsql.PostgresException("deadlock detected", "ERROR", "ERROR", "40P01"));

        var result = await behavior.Handle(new Rename("x"), (_, _) => throw deadlock, CancellationToken.None);

        Assert.Equal("concurrent_change", result.Error!.Code);
    }

    [Fact]
    public async Task Other_failures_queries_and_commands_without_a_result_still_throw()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await new ConflictBehavior<Rename, Result<int>>(NullLogger<ConflictBehavior<Rename, Result<int>>>.Instance).Handle(new Rename("x"), (_, _) => throw new InvalidOperationException("a bug"), CancellationToken.None));
        await Assert.ThrowsAsync<DbUpdateException>(async () => // a value too long is a bug, not a conflict
            await new ConflictBehavior<Rename, Result<int>>(NullLogger<ConflictBehavior<Rename, Result<int>>>.Instance).Handle(new Rename("x"),
                (_, _) => throw new DbUpdateException("too long", new Npgsql.PostgresException("value too long", "ERROR", "ERROR", "22001")), CancellationToken.None));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(async () =>
            await new ConflictBehavior<Read, Result<int>>(NullLogger<ConflictBehavior<Read, Result<int>>>.Instance).Handle(new Read("x"), (_, _) => throw new DbUpdateConcurrencyException("not a write"), CancellationToken.None));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(async () =>
            await new ConflictBehavior<Touch, int>(NullLogger<ConflictBehavior<Touch, int>>.Instance).Handle(new Touch("x"), (_, _) => throw new DbUpdateConcurrencyException("no result to carry it"), CancellationToken.None));
    }
}
