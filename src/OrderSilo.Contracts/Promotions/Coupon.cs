namespace OrderSilo.Contracts.Promotions;

/// <summary>A coupon code of a promotion.</summary>
/// <param name="Code">The code, upper case.</param>
/// <param name="Type"><c>SINGLE</c> (shared by every buyer) or <c>MULTIPLE</c> (one order each).</param>
/// <param name="Used">MULTIPLE: true once an order holds it.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.Coupon")]
public sealed record Coupon([property: Id(0)] string Code, [property: Id(1)] string Type, [property: Id(2)] bool Used = false);
