namespace OrderSilo.Contracts.Orders;

/// <summary>One step of an order's life, as <c>GET /orders/{id}</c> shows it in <c>history</c>.</summary>
/// <param name="At">When it happened.</param>
/// <param name="From">The status before (null for the order's creation).</param>
/// <param name="To">The status after.</param>
/// <param name="Cause">What caused it: <c>placed</c>, <c>quoted</c>, <c>accepted</c>, <c>approved</c>, <c>payment</c>,
/// <c>paid</c>, <c>fulfilled</c>, <c>fulfilment_failed</c>, <c>payment_overdue</c>, <c>quote_expired</c> or <c>cancelled</c>.</param>
/// <param name="Detail">A sentence with the particulars (the payment reference, the cancel reason).</param>
/// <param name="Actor">Who did it: the API client id of the tenant or operator, <c>gateway</c>, or <c>system</c>.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.OrderTransition")]
public sealed record OrderTransition(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string? From,
    [property: Id(2)] string To,
    [property: Id(3)] string Cause,
    [property: Id(4)] string? Detail = null,
    [property: Id(5)] string? Actor = null);

/// <summary>Money received for an order, as the operator recorded it.</summary>
/// <param name="Reference">The payer's reference, recorded once per order.</param>
/// <param name="Amount">The amount, in the order's currency.</param>
/// <param name="ReceivedAt">When it was recorded.</param>
/// <param name="Method">How it came: one of <see cref="PaymentMethods.Recorded"/>.</param>
/// <param name="RecordedBy">The operator's API client id.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.OrderPayment")]
public sealed record OrderPayment(
    [property: Id(0)] string Reference,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] DateTimeOffset ReceivedAt,
    [property: Id(3)] string Method = PaymentMethods.Other,
    [property: Id(4)] string? RecordedBy = null);

/// <summary>Money given back for an order (<c>POST /admin/orders/{id}/refunds</c>, or a paid order cancelled).</summary>
/// <param name="RefundId">The id, <c>re_…</c>; the payment gateway's idempotency key for card money.</param>
/// <param name="Amount">The amount, in the order's currency.</param>
/// <param name="Method">How it goes back: <c>card</c> (through the gateway), <c>balance</c> (to the prepaid balance),
/// or the method the money came by (<c>wire</c>, <c>check</c>, <c>cash</c>, <c>other</c>: the seller pays it back
/// and this records it).</param>
/// <param name="Status"><c>pending</c> until the gateway or the balance has it, then <c>succeeded</c> (or <c>failed</c>, when the gateway refused it; it then counts no more); <c>recorded</c> for money the seller pays back itself.</param>
/// <param name="CreatedAt">When it was asked for.</param>
/// <param name="Reason">Why.</param>
/// <param name="Actor">Who asked: the operator's client id, or <c>system</c> for the refund of a cancelled order.</param>
/// <param name="GatewayRefundId">The gateway's id of a card refund, once it succeeded.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.OrderRefund")]
public sealed record OrderRefund(
    [property: Id(0)] string RefundId,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] string Method,
    [property: Id(3)] string Status,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string? Reason,
    [property: Id(6)] string Actor,
    [property: Id(7)] string? GatewayRefundId = null)
{
    /// <summary>Waiting for the gateway or the balance to have the money back.</summary>
    public const string Pending = "pending";
    /// <summary>The gateway or the balance has it.</summary>
    public const string Succeeded = "succeeded";
    /// <summary>Money the seller pays back itself, recorded.</summary>
    public const string Recorded = "recorded";
    /// <summary>The gateway refused it.</summary>
    public const string Failed = "failed";
}
