using System.Collections.Immutable;

namespace OrderSilo.Contracts.Orders;

/// <summary>Reads of the orders read model (stateless; served from PostgreSQL).</summary>
[Alias("OrderSilo.IOrderQueryGrain")]
public interface IOrderQueryGrain : IGrainWithIntegerKey
{
    /// <summary>Up to <see cref="OrderQuery.Limit"/> orders and, when there are more, the cursor of the next page.</summary>
    [Alias("List")]
    Task<(ImmutableArray<Order> Orders, OrderCursor? Next)> List(OrderQuery query);
}
