using System.Diagnostics.CodeAnalysis;

namespace AppDelivery.Aspire.Web.Api;

/// <summary>Either the value an Api call returned or the error it failed with.</summary>
public sealed class ApiResult<T>
{
    internal ApiResult(T? value, ApiError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public ApiError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;
}

/// <summary>Creates <see cref="ApiResult{T}"/> values.</summary>
public static class ApiResult
{
    public static ApiResult<T> Success<T>(T value) => new(value, null);

    public static ApiResult<T> Failure<T>(ApiError error) => new(default, error);
}
