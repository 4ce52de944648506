namespace OrderSilo.Contracts.Common;

/// <summary>Either a value or a <see cref="DomainError"/>: how grains answer requests that may be refused.</summary>
/// <typeparam name="T">The value's type.</typeparam>
[GenerateSerializer, Immutable, Alias("OrderSilo.Outcome`1")]
public sealed record Outcome<T>([property: Id(0)] T? Value, [property: Id(1)] DomainError? Error)
{
    /// <summary>True when the request was refused.</summary>
    public bool Failed => Error is not null;

    /// <summary>A successful outcome.</summary>
    public static Outcome<T> Ok(T value) => new(value, null);

    /// <summary>A refused request.</summary>
    public static Outcome<T> Fail(DomainError error) => new(default, error);

    /// <summary>A refused request.</summary>
    public static Outcome<T> Fail(string code, string detail, string? field = null) => new(default, new DomainError(code, detail, field));
}
