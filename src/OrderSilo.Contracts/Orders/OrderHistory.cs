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
