namespace OrderSilo.Contracts.Promotions;

/// <summary>An amount of money in a named currency.</summary>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Amount">The amount, in whole minor units of the currency.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.CurrencyAmount")]
public sealed record CurrencyAmount([property: Id(0)] string Currency, [property: Id(1)] decimal Amount);
