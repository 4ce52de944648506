using OrderSilo.Api.Orders;

namespace OrderSilo.Api.Pricing;

/// <summary>The body of <c>POST /api/v1/pricing/preview</c>: the pricing part of a place-order body.</summary>
public sealed record PreviewRequest(
    string? CompanyId,
    string? Currency,
    IReadOnlyList<LineItemRequest?>? LineItems,
    IReadOnlyList<string?>? CouponCodes,
    RecipientRequest? Recipient);
