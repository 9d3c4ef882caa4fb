using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging.Abstractions;
using PortailFamille.BuildingBlocks.Mediation;
using PortailFamille.BuildingBlocks.Results;

namespace PortailFamille.BuildingBlocks.Tests;

public sealed class PipelineBehaviorTests
{
    public sealed record Rename(string Name) : ICommand<Result<int>>;

    public sealed record Touch(string Name) : ICommand<int>;

    private sealed class RenameValidator : AbstractValidator<Rename>
    {
        public RenameValidator() => RuleFor(x => x.Name).NotEmpty().WithMessage("Le nom est obligatoire.");
    }

    private sealed class TouchValidator : AbstractValidator<Touch>
    {
        public TouchValidator() => RuleFor(x => x.Name).NotEmpty().WithMessage("Le nom est obligatoire.");
    }

    [Fact]
    public async Task Invalid_result_request_becomes_a_validation_failure_without_reaching_the_handler()
    {
        var behavior = new ValidationBehavior<Rename, Result<int>>([new RenameValidator()]);
        var reached = false;

        var result = await behavior.Handle(new Rename(""), (_, _) => { reached = true; return ValueTask.FromResult<Result<int>>(1); }, CancellationToken.None);

        Assert.False(reached);
        Assert.True(result.IsFailure);
        Assert.Equal("validation.failed", result.Error!.Code);
        Assert.Equal(ErrorKind.Validation, result.Error.Kind);
        Assert.Equal(["Le nom est obligatoire."], result.Error.Fields["Name"]);
    }

    [Fact]
    public async Task Valid_request_reaches_the_handler()
    {
        var behavior = new ValidationBehavior<Rename, Result<int>>([new RenameValidator()]);

        var result = await behavior.Handle(new Rename("Amalia"), (_, _) => ValueTask.FromResult<Result<int>>(42), CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(42, result.Value);
    }

    [Fact]
    public async Task Invalid_request_without_result_type_throws_a_validation_exception()
    {
        var behavior = new ValidationBehavior<Touch, int>([new TouchValidator()]);

        var ex = await Assert.ThrowsAsync<RequestValidationException>(async () =>
            await behavior.Handle(new Touch(" "), (_, _) => ValueTask.FromResult(1), CancellationToken.None));

        Assert.Equal("validation.failed", ex.Error.Code);
    }

    [Fact]
    public async Task Logging_behavior_passes_the_response_through_and_rethrows_failures()
    {
        var behavior = new LoggingBehavior<Touch, int>(NullLogger<LoggingBehavior<Touch, int>>.Instance);

        Assert.Equal(7, await behavior.Handle(new Touch("x"), (_, _) => ValueTask.FromResult(7), CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await behavior.Handle(new Touch("x"), (_, _) => throw new InvalidOperationException("panne"), CancellationToken.None));
    }

    [Fact]
    public void Reading_the_value_of_a_failure_is_a_bug()
    {
        Result<int> failed = Error.Conflict("x.conflict", "Conflit.");

        Assert.Throws<InvalidOperationException>(() => failed.Value);
        Assert.Throws<ResultFailureException>(() => failed.ValueOrThrow());
    }
}
