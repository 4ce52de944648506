using System.Collections.Immutable;
using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Contracts.Pricing;

/// <summary>A priced, validated cart.</summary>
/// <param name="Currency">The order's currency.</param>
/// <param name="LineItems">The priced lines, in request order.</param>
/// <param name="Totals">The totals.</param>
/// <param name="Products">The product of each line, as priced (same order as the lines).</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.PricedOrder")]
public sealed record PricedOrder(
    [property: Id(0)] string Currency,
    [property: Id(1)] ImmutableArray<OrderLine> LineItems,
    [property: Id(2)] OrderTotals Totals,
    [property: Id(3)] ImmutableArray<Product> Products)
{
    /// <summary>The promotions applied, with the coupon each consumed.</summary>
    [Id(4)] public ImmutableArray<AppliedPromotion> Promotions { get; init; } = [];

    /// <summary>
    /// Coupons that cannot be used (<c>promotion_unavailable</c>, naming <c>couponCodes[i]</c>): the cart is priced
    /// without them. A preview shows them; an order is refused with the first.
    /// </summary>
    [Id(5)] public ImmutableArray<DomainError> Errors { get; init; } = [];
}
