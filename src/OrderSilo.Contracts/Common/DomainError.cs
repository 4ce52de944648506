namespace OrderSilo.Contracts.Common;

/// <summary>
/// An expected business outcome that refuses a request (a duplicate poNumber, an unknown product, a bad
/// denomination). The API host maps <see cref="Code"/> to an HTTP status in one place.
/// </summary>
/// <param name="Code">A stable snake_case code from <see cref="ErrorCodes"/>.</param>
/// <param name="Detail">A sentence for a person reading the response.</param>
/// <param name="Field">The request field at fault, as a JSON path such as <c>lineItems[0].denomination</c>.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.DomainError")]
public sealed record DomainError(
    [property: Id(0)] string Code,
    [property: Id(1)] string Detail,
    [property: Id(2)] string? Field = null);
