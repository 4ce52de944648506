using System.Collections.Immutable;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Contracts.Pricing;

/// <summary>
/// What to price, for an order, a quote or a preview alike: the buyer, the lines, the coupons, and what the order
/// says about delivery. The pricing grain finds the rest (products, the buyer's price list, promotions, tax rates).
/// </summary>
/// <param name="BuyerCountry">ISO 3166 alpha-2 country of the buying company (selects VAT).</param>
/// <param name="Currency">The requested currency, or null for the products' currency.</param>
/// <param name="LineItems">The requested lines.</param>
/// <param name="HasRecipientPhone">True when the request carries the recipient's phone.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.PricingRequest")]
public sealed record PricingRequest(
    [property: Id(0)] string BuyerCountry,
    [property: Id(1)] string? Currency,
    [property: Id(2)] ImmutableArray<OrderLineRequest> LineItems,
    [property: Id(3)] bool HasRecipientPhone)
{
    /// <summary>The buying company: its effective price list applies. Null: list prices.</summary>
    [Id(4)] public string? CompanyId { get; init; }

    /// <summary>Coupon codes the buyer entered, as sent.</summary>
    [Id(5)] public ImmutableArray<string> CouponCodes { get; init; } = [];

    /// <summary>Instant promotions not to apply (an order whose instant promotion was used up meanwhile is priced again without it).</summary>
    [Id(6)] public ImmutableArray<string> ExcludedPromotions { get; init; } = [];
}
