using OrderSilo.Contracts.Common;

namespace OrderSilo.Contracts.Orders;

/// <summary>One order, keyed by its id (<c>ord_…</c>): the single writer of its state.</summary>
[Alias("OrderSilo.IOrderGrain")]
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the order from the placement, or answers the existing order when it was created before
    /// (<see cref="PlaceOrderResult.Replayed"/>). A refusal leaves nothing behind.
    /// </summary>
    [Alias("Place")]
    Task<PlaceOrderResult> Place(OrderPlacement placement);

    /// <summary>The order when it exists in <paramref name="accountId"/>; otherwise null.</summary>
    [Alias("Get")]
    Task<Order?> Get(string accountId);
}
