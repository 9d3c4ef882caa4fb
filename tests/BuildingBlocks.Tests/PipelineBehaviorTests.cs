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

    public sealed record Save(string Title, IReadOnlyDictionary<string, string?> Values, IReadOnlyList<string> Tags, byte[] Content) : ICommand<Result<int>>;

    [Fact]
    public async Task A_nul_character_in_any_text_of_a_request_is_a_validation_failure_without_reaching_the_handler()
    {
        var behavior = new ValidationBehavior<Save, Result<int>>([]);
        var reached = false;
        ValueTask<Result<int>> Next(Save _, CancellationToken __) { reached = true; return ValueTask.FromResult<Result<int>>(1); }
        var clean = new Save("Titre", new Dictionary<string, string?> { ["doctor"] = "Dr X", ["empty"] = null }, ["a"], [0, 0, 0]);

        Assert.True((await behavior.Handle(clean, Next, CancellationToken.None)).IsSuccess); // NUL bytes in binary content are content
        reached = false;
        var inTitle = await behavior.Handle(clean with { Title = "Ti\0tre" }, Next, CancellationToken.None);
        var inValue = await behavior.Handle(clean with { Values = new Dictionary<string, string?> { ["doctor"] = "Dr\0X" } }, Next, CancellationToken.None);
        var inKey = await behavior.Handle(clean with { Values = new Dictionary<string, string?> { ["doc\0tor"] = "Dr X" } }, Next, CancellationToken.None);
        var inList = await behavior.Handle(clean with { Tags = ["a", "\0"] }, Next, CancellationToken.None);

        Assert.False(reached);
        Assert.Equal("validation.failed", inTitle.Error!.Code);
        Assert.Equal(["Ce texte contient un caractère nul (U+0000), refusé."], inTitle.Error.Fields["Title"]);
        Assert.Equal(["Values"], inValue.Error!.Fields.Keys);
        Assert.Equal(["Values"], inKey.Error!.Fields.Keys);
        Assert.Equal(["Tags"], inList.Error!.Fields.Keys);
    }

    [Fact]
    public async Task A_nul_character_in_a_query_without_result_type_throws_a_validation_exception()
    {
        var behavior = new ValidationBehavior<Touch, int>([]);

        var ex = await Assert.ThrowsAsync<RequestValidationException>(async () =>
            await behavior.Handle(new Touch("\0"), (_, _) => ValueTask.FromResult(1), CancellationToken.None));

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
