namespace OrderSilo.Grains.Pricing;

/// <summary>Something an operator changed that priced carts depend on; caches drop what it names.</summary>
/// <param name="Kind">One of the constants below.</param>
/// <param name="Key">The product id, promotion code or coupon code; null for the price lists and the tax table.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.PricingChange")]
public sealed record PricingChange([property: Id(0)] string Kind, [property: Id(1)] string? Key = null)
{
    public const string Product = "product";
    public const string PriceLists = "priceLists";
    public const string Promotion = "promotion";
    public const string Coupon = "coupon";
    public const string Taxes = "taxes";
}
