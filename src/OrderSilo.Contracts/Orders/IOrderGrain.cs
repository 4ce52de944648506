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

    /// <summary>
    /// Accepts a quote: <paramref name="autoPay"/> charges the company's saved card, otherwise an invoice is issued
    /// with the company's payment terms. Accepting again the same way answers the order as it is.
    /// </summary>
    [Alias("Accept")]
    Task<Outcome<Order>> Accept(string accountId, bool autoPay);

    /// <summary>Approves a purchase order (null <paramref name="accountId"/>: the operator): its payment term starts.</summary>
    [Alias("Approve")]
    Task<Outcome<Order>> Approve(string? accountId);

    /// <summary>Cancels the order (null <paramref name="accountId"/>: the operator), giving back its credit.</summary>
    [Alias("Cancel")]
    Task<Outcome<Order>> Cancel(string? accountId, string? reason);

    /// <summary>
    /// Records money received under <paramref name="reference"/>, once per reference; full payment completes the
    /// order (delivering its vouchers) and gives back the credit it held.
    /// </summary>
    [Alias("RecordPayment")]
    Task<Outcome<Order>> RecordPayment(string accountId, string reference, decimal amount);
}
