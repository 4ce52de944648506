using OrderSilo.Contracts.Orders;

namespace OrderSilo.Api.Pricing;

/// <summary>
/// A priced cart, not placed: the lines and totals an order would have now, the promotions it would apply with the
/// coupons it would consume, and the coupons that cannot be used (the cart is priced without them).
/// </summary>
public sealed record PricingPreview(
    string CompanyId,
    string Currency,
    IReadOnlyList<OrderLine> LineItems,
    OrderTotals Totals,
    IReadOnlyList<AppliedPromotion> Promotions,
    IReadOnlyList<PreviewError> Errors);
