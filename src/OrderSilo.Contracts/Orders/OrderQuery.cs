namespace OrderSilo.Contracts.Orders;

/// <summary>
/// A page of an account's order history (API.md <c>GET /api/v1/orders</c>), newest first. Every filter is
/// optional; archived orders are left out unless <see cref="Archived"/> asks for them.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrderSilo.OrderQuery")]
public sealed record OrderQuery
{
    /// <summary>The caller's account: every query is confined to it.</summary>
    [Id(0)] public required string AccountId { get; init; }
    /// <summary>Orders created at or after this instant.</summary>
    [Id(1)] public DateTimeOffset? DateStart { get; init; }
    /// <summary>Orders created before this instant.</summary>
    [Id(2)] public DateTimeOffset? DateEnd { get; init; }
    /// <summary>Orders of this company.</summary>
    [Id(3)] public string? CompanyId { get; init; }
    /// <summary>Orders in this status.</summary>
    [Id(4)] public string? Status { get; init; }
    /// <summary>Orders with this reference.</summary>
    [Id(5)] public string? Reference { get; init; }
    /// <summary>The order with this poNumber.</summary>
    [Id(6)] public string? PoNumber { get; init; }
    /// <summary>Orders whose description contains this text (case-insensitive).</summary>
    [Id(7)] public string? Description { get; init; }
    /// <summary>Orders of exactly this total.</summary>
    [Id(8)] public decimal? AmountTotal { get; init; }
    /// <summary>Orders with this tag.</summary>
    [Id(9)] public string? Tag { get; init; }
    /// <summary>True: archived orders only; false or null: orders not archived.</summary>
    [Id(10)] public bool? Archived { get; init; }
    /// <summary>Continue after this position (from the previous page).</summary>
    [Id(11)] public OrderCursor? After { get; init; }
    /// <summary>At most this many orders.</summary>
    [Id(12)] public int Limit { get; init; } = 25;
}
