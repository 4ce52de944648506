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

    /// <summary>
    /// Changes the order's description, tag or metadata, or archives it; the version goes up by one. Not found for
    /// another account's order; <c>version_conflict</c> when the expected version is stale.
    /// </summary>
    [Alias("Update")]
    Task<Outcome<Order>> Update(string accountId, OrderPatch patch);

    /// <summary>The order when it exists in <paramref name="accountId"/>; otherwise null.</summary>
    [Alias("Get")]
    Task<Order?> Get(string accountId);
}
