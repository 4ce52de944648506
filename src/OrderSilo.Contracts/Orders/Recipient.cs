namespace OrderSilo.Contracts.Orders;

/// <summary>Who receives the vouchers.</summary>
/// <param name="Email">Email address.</param>
/// <param name="Phone">Phone number (some products require it).</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.Recipient")]
public sealed record Recipient([property: Id(0)] string? Email, [property: Id(1)] string? Phone);
