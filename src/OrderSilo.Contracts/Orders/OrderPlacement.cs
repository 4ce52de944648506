using OrderSilo.Contracts.Pricing;

namespace OrderSilo.Contracts.Orders;

/// <summary>What the poNumber gate asks an order grain to become.</summary>
/// <param name="OrderId">The id the poNumber claimed.</param>
/// <param name="AccountId">The account placing it.</param>
/// <param name="Command">The validated request.</param>
/// <param name="Priced">The cart as the gate already priced it, or null to price it again.</param>
/// <param name="CreditReserved">
/// True when the order's credit was reserved before (by an atomic batch's prepare): the order confirms that
/// reservation instead of making one.
/// </param>
[GenerateSerializer, Immutable, Alias("OrderSilo.OrderPlacement")]
public sealed record OrderPlacement(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string AccountId,
    [property: Id(2)] PlaceOrder Command,
    [property: Id(3)] PricedOrder? Priced = null,
    [property: Id(4)] bool CreditReserved = false);
