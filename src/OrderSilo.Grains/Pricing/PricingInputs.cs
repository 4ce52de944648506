using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Contracts.Promotions;

namespace OrderSilo.Grains.Pricing;

/// <summary>Everything a price depends on besides the request, gathered by the pricing grain from its caches.</summary>
public sealed record PricingInputs
{
    /// <summary>The catalog product of each requested line (null: no such product).</summary>
    public required IReadOnlyList<Product?> Products { get; init; }

    /// <summary>The buyer's effective price list by product id; null for list prices.</summary>
    public IReadOnlyDictionary<string, PriceListEntry>? PriceList { get; init; }

    /// <summary>Every instant-discount promotion (the calculator keeps those that apply now).</summary>
    public IReadOnlyList<Promotion> InstantPromotions { get; init; } = [];

    /// <summary>What each of the request's coupon codes offers, in the same order; null for an unknown code.</summary>
    public IReadOnlyList<CouponOffer?> Coupons { get; init; } = [];

    /// <summary>VAT rates.</summary>
    public TaxTable Taxes { get; init; } = TaxTable.Default;

    /// <summary>The moment the price is for (promotions' start and end dates).</summary>
    public DateTimeOffset Now { get; init; }
}
