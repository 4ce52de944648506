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
    /// Accepts a quote (its tenant only): <paramref name="autoPay"/> charges the company's saved card, otherwise an
    /// invoice is issued with the company's payment terms. Accepting again the same way answers the order as it is.
    /// </summary>
    [Alias("Accept")]
    Task<Outcome<Order>> Accept(Actor actor, bool autoPay);

    /// <summary>
    /// Approves a purchase order: its payment term starts. The operator may; the tenant only where the company's
    /// approval policy lets the account approve (else <c>forbidden</c>).
    /// </summary>
    [Alias("Approve")]
    Task<Outcome<Order>> Approve(Actor actor);

    /// <summary>Cancels the order (its tenant or the operator), giving back its credit, balance and promotion uses.</summary>
    [Alias("Cancel")]
    Task<Outcome<Order>> Cancel(Actor actor, string? reason);

    /// <summary>
    /// Records money received (the operator only, else <c>forbidden</c>), once per reference; full payment completes
    /// the order (delivering its vouchers) and gives back the credit it held.
    /// </summary>
    [Alias("RecordPayment")]
    Task<Outcome<Order>> RecordPayment(Actor actor, string reference, decimal amount, string method);

    /// <summary>
    /// Gives back money paid for the order (the operator only, else <c>forbidden</c>), once per
    /// <paramref name="refundId"/>: card money through the payment gateway, balance money to the prepaid balance,
    /// other money recorded as paid back by the seller; never more than was paid and not yet refunded.
    /// </summary>
    [Alias("Refund")]
    Task<Outcome<Order>> Refund(Actor actor, string refundId, decimal amount, string? reason);

    /// <summary>The order behind a pay page link's <paramref name="token"/>, whatever its status; null for a wrong token.</summary>
    [Alias("ForPayment")]
    Task<Order?> ForPayment(string token);

    /// <summary>
    /// Pays what the order still owes with a card through the payment gateway (the pay page; the actor is the
    /// gateway), once: an order paid already answers as it is. Not found for a wrong token; <c>card_declined</c>.
    /// </summary>
    [Alias("PayByCard")]
    Task<Outcome<Order>> PayByCard(string token, string cardToken);
}
