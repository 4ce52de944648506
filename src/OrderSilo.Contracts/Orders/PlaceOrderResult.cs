using OrderSilo.Contracts.Common;

namespace OrderSilo.Contracts.Orders;

/// <summary>The answer to placing an order by poNumber.</summary>
/// <param name="Order">The order (null when refused).</param>
/// <param name="Error">Why it was refused; nothing was placed.</param>
/// <param name="Replayed">True when the order already existed: the answer repeats an earlier placement.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.PlaceOrderResult")]
public sealed record PlaceOrderResult(
    [property: Id(0)] Order? Order,
    [property: Id(1)] DomainError? Error,
    [property: Id(2)] bool Replayed)
{
    /// <summary>A new order.</summary>
    public static PlaceOrderResult Created(Order order) => new(order, null, false);

    /// <summary>An order placed by an earlier identical request.</summary>
    public static PlaceOrderResult Replay(Order order) => new(order, null, true);

    /// <summary>A refusal.</summary>
    public static PlaceOrderResult Refused(DomainError error) => new(null, error, false);
}
