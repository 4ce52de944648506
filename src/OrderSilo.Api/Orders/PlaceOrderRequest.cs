using System.Text.Json;

namespace OrderSilo.Api.Orders;

/// <summary>The body of <c>POST /api/v1/orders</c> (API.md "Orders"; seed 001 PlaceOrder).</summary>
public sealed record PlaceOrderRequest(
    string? PoNumber,
    string? CompanyId,
    string? Currency,
    IReadOnlyList<LineItemRequest?>? LineItems,
    RecipientRequest? Recipient,
    string? Tag,
    string? Description,
    string? Reference,
    bool? NotifyAdminEmail,
    bool? NotifyReceiverEmail,
    IReadOnlyList<string?>? CouponCodes,
    PaymentBody? Payment,
    IReadOnlyDictionary<string, JsonElement>? BillingDetails,
    IReadOnlyDictionary<string, string?>? Metadata);

public sealed record LineItemRequest(string? ProductId, int? Quantity, decimal? Denomination, IReadOnlyDictionary<string, JsonElement>? ProductDetails);

public sealed record RecipientRequest(string? Email, string? Phone);

public sealed record PaymentBody(string? Type, bool? AutoApprove, string? InternalPoNumber);
