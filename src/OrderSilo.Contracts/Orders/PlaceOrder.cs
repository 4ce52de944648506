using System.Collections.Immutable;

namespace OrderSilo.Contracts.Orders;

/// <summary>
/// A validated request to place an order, as the API host normalised it: the company is resolved (the home
/// company when the body named none) and amounts are decimals. Two requests are "the same body" for the
/// poNumber rule exactly when their <see cref="PlaceOrder"/> values are equal field by field.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrderSilo.PlaceOrder")]
public sealed record PlaceOrder
{
    /// <summary>The client's unique reference for this order, 1–100 characters, unique per account.</summary>
    [Id(0)] public required string PoNumber { get; init; }
    /// <summary>The company the order is for.</summary>
    [Id(1)] public required string CompanyId { get; init; }
    /// <summary>The requested currency; null = the products' currency.</summary>
    [Id(2)] public string? Currency { get; init; }
    /// <summary>The lines, at least one.</summary>
    [Id(3)] public required ImmutableArray<OrderLineRequest> LineItems { get; init; }
    /// <summary>Who receives the vouchers.</summary>
    [Id(4)] public Recipient? Recipient { get; init; }
    /// <summary>A free-form tag.</summary>
    [Id(5)] public string? Tag { get; init; }
    /// <summary>A free-form description.</summary>
    [Id(6)] public string? Description { get; init; }
    /// <summary>The client's own reference.</summary>
    [Id(7)] public string? Reference { get; init; }
    /// <summary>Notify the account's admin by email.</summary>
    [Id(8)] public bool NotifyAdminEmail { get; init; }
    /// <summary>Notify the recipient by email.</summary>
    [Id(9)] public bool NotifyReceiverEmail { get; init; }
    /// <summary>Coupon codes to apply.</summary>
    [Id(10)] public ImmutableArray<string> CouponCodes { get; init; } = [];
    /// <summary>How the order is paid.</summary>
    [Id(11)] public required PaymentRequest Payment { get; init; }
    /// <summary>Billing details, as text.</summary>
    [Id(12)] public ImmutableSortedDictionary<string, string>? BillingDetails { get; init; }
    /// <summary>The client's key-value metadata.</summary>
    [Id(13)] public ImmutableSortedDictionary<string, string>? Metadata { get; init; }
    /// <summary>True for <c>POST /quotes</c>: a quotation that commits nothing until accepted.</summary>
    [Id(14)] public bool Quote { get; init; }
    /// <summary>Quotes: the last moment it can be accepted; null = no limit.</summary>
    [Id(15)] public DateTimeOffset? ValidUntil { get; init; }
}
