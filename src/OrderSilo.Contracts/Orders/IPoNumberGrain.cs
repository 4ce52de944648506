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

    /// <summary>
    /// First phase of an atomic batch: checks and prices the command, claims the poNumber for
    /// <paramref name="attempt"/> and reserves the order's credit. The claim is the batch's until the batch decides.
    /// </summary>
    [Alias("Prepare")]
    Task<BatchVote> Prepare(string attempt, PlaceOrder command);

    /// <summary>Second phase, after the batch's commit record is durable: creates the claimed order.</summary>
    [Alias("Commit")]
    Task<PlaceOrderResult> Commit(string attempt, Pricing.PricedOrder priced);

    /// <summary>Second phase of a refused batch: releases the claim and the credit <paramref name="attempt"/> took.</summary>
    [Alias("Abort")]
    Task Abort(string attempt);
}
