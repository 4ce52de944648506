namespace OrderSilo.Contracts.Orders;

/// <summary>
/// The exactly-once gate of order placement, keyed <c>{accountId}/{poNumber}</c>. It claims the poNumber
/// durably before the order is created, so concurrent and retried requests for one poNumber yield one order.
/// </summary>
[Alias("OrderSilo.IPoNumberGrain")]
public interface IPoNumberGrain : IGrainWithStringKey
{
    /// <summary>
    /// Places the order once: the same command again answers the same order as a replay (completing a
    /// placement a crash interrupted); a different command answers <c>po_number_reused</c>.
    /// </summary>
    [Alias("Place")]
    Task<PlaceOrderResult> Place(PlaceOrder command);

    /// <summary>The order placed under this poNumber, or null.</summary>
    [Alias("GetOrder")]
    Task<Order?> GetOrder();

    /// <summary>Completes a claimed placement that no client asked about again (called by the sweeper).</summary>
    [Alias("Resume")]
    Task Resume();
}
