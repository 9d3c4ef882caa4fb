namespace PortailFamille.BuildingBlocks.Results;

/// <summary>Implemented by every result; the validation behaviour builds a failure through its static FromError.</summary>
public interface IResultBase
{
    bool IsSuccess { get; }
    Error? Error { get; }
}

public sealed class Result : IResultBase
{
    private Result(Error? error) => Error = error;

    public bool IsSuccess => Error is null;
    public bool IsFailure => !IsSuccess;
    public Error? Error { get; }

    public static Result Success() => new(null);
    public static Result Failure(Error error) => new(error);
    public static Result FromError(Error error) => new(error);

    public static implicit operator Result(Error error) => new(error);

    public void ThrowIfFailure()
    {
        if (Error is not null) throw new ResultFailureException(Error);
    }
}

public sealed class Result<T> : IResultBase
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public bool IsSuccess => Error is null;
    public bool IsFailure => !IsSuccess;
    public Error? Error { get; }

    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"Result failed with '{Error!.Code}': no value to read.");

    public static Result<T> Success(T value) => new(value, null);
    public static Result<T> Failure(Error error) => new(default, error);
    public static Result<T> FromError(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Error error) => new(default, error);

    public T ValueOrThrow() => IsSuccess ? _value! : throw new ResultFailureException(Error!);
}

/// <summary>Thrown only where a failure is a bug for the caller (e.g. a message handler that must not refuse).</summary>
public sealed class ResultFailureException(Error error) : Exception($"{error.Code}: {error.Message}")
{
    public Error Error { get; } = error;
}
