namespace OrderSilo.Contracts.Orders;

/// <summary>A position in an order list ordered by creation time, then order id, both descending.</summary>
/// <param name="CreatedAt">The creation time of the last order seen.</param>
/// <param name="OrderId">Its id.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.OrderCursor")]
public sealed record OrderCursor([property: Id(0)] DateTimeOffset CreatedAt, [property: Id(1)] string OrderId);
