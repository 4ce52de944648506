using System.Collections.Immutable;

namespace OrderSilo.Contracts.Orders;

/// <summary>An order as clients see it (API.md "Orders").</summary>
[GenerateSerializer, Immutable, Alias("OrderSilo.Order")]
public sealed record Order
{
    /// <summary>The id, <c>ord_…</c>; sorts by creation time.</summary>
    [Id(0)] public required string OrderId { get; init; }
    /// <summary>The client's unique reference.</summary>
    [Id(1)] public required string PoNumber { get; init; }
    /// <summary>The client's own reference.</summary>
    [Id(2)] public string? Reference { get; init; }
    /// <summary>The company the order is for.</summary>
    [Id(3)] public required string CompanyId { get; init; }
    /// <summary>One of <see cref="OrderStatuses"/>.</summary>
    [Id(4)] public required string Status { get; init; }
    /// <summary><c>pending</c>, <c>delivered</c> or <c>cancelled</c>.</summary>
    [Id(5)] public required string DeliveryStatus { get; init; }
    /// <summary>One of <see cref="PaymentTypes"/>; null for a quote until it is accepted.</summary>
    [Id(6)] public string? PaymentType { get; init; }
    /// <summary>ISO 4217 code of every amount in the order.</summary>
    [Id(7)] public required string Currency { get; init; }
    /// <summary>The priced lines.</summary>
    [Id(8)] public required ImmutableArray<OrderLine> LineItems { get; init; }
    /// <summary>The totals.</summary>
    [Id(9)] public required OrderTotals Totals { get; init; }
    /// <summary>Promotions applied.</summary>
    [Id(10)] public ImmutableArray<AppliedPromotion> Promotions { get; init; } = [];
    /// <summary>Issued vouchers (once delivered).</summary>
    [Id(11)] public ImmutableArray<Voucher> Vouchers { get; init; } = [];
    /// <summary>Purchase orders: the buyer's internal number.</summary>
    [Id(12)] public string? InternalPoNumber { get; init; }
    /// <summary>Purchase orders: approved without a manual step.</summary>
    [Id(13)] public bool AutoApprove { get; init; }
    /// <summary>Days allowed to pay.</summary>
    [Id(14)] public int? PaymentTermsDays { get; init; }
    /// <summary>When payment is due.</summary>
    [Id(15)] public DateTimeOffset? PaymentDueAt { get; init; }
    /// <summary>When the order was fully paid.</summary>
    [Id(16)] public DateTimeOffset? PaidAt { get; init; }
    /// <summary>When it was cancelled.</summary>
    [Id(17)] public DateTimeOffset? CancelledAt { get; init; }
    /// <summary>Why it was cancelled.</summary>
    [Id(18)] public string? CancelReason { get; init; }
    /// <summary>A free-form tag.</summary>
    [Id(19)] public string? Tag { get; init; }
    /// <summary>A free-form description.</summary>
    [Id(20)] public string? Description { get; init; }
    /// <summary>The client's key-value metadata.</summary>
    [Id(21)] public ImmutableSortedDictionary<string, string> Metadata { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
    /// <summary>Archived orders are hidden from lists unless asked for.</summary>
    [Id(22)] public bool Archived { get; init; }
    /// <summary>When it was placed.</summary>
    [Id(23)] public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>When it last changed.</summary>
    [Id(24)] public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Increases by one with every change (optimistic concurrency).</summary>
    [Id(25)] public required int Version { get; init; }
    /// <summary>Who receives the vouchers.</summary>
    [Id(26)] public Recipient? Recipient { get; init; }
    /// <summary>Quotes: after this moment the quote can no longer be accepted; null = no limit.</summary>
    [Id(27)] public DateTimeOffset? ValidUntil { get; init; }
    /// <summary>What has been paid so far (the sum of <see cref="Payments"/>, or the total once charged or on account).</summary>
    [Id(28)] public decimal AmountPaid { get; init; }
    /// <summary>Money recorded by <c>POST /orders/{id}/payments</c>, oldest first.</summary>
    [Id(29)] public ImmutableArray<OrderPayment> Payments { get; init; } = [];
    /// <summary>Every status change, oldest first, with its time and cause.</summary>
    [Id(30)] public ImmutableArray<OrderTransition> History { get; init; } = [];
    /// <summary>The payment gateway's charge id of a card payment.</summary>
    [Id(31)] public string? ChargeId { get; init; }
    /// <summary>Money given back, oldest first: by the operator, or at once when a paid order was cancelled.</summary>
    [Id(32)] public ImmutableArray<OrderRefund> Refunds { get; init; } = [];
    /// <summary>The sum of <see cref="Refunds"/>; never more than <see cref="AmountPaid"/>.</summary>
    [Id(33)] public decimal AmountRefunded { get; init; }
    /// <summary>
    /// While the order awaits payment: the absolute URL of its pay page, unguessable, valid until
    /// <see cref="PaymentDueAt"/>, where the buyer sees the order and pays by card; null otherwise.
    /// </summary>
    [Id(34)] public string? PaymentLink { get; init; }
}
