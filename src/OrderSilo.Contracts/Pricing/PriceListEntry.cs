namespace OrderSilo.Contracts.Pricing;

/// <summary>A company's own price of one product: a unit cost, or for vouchers a discount off the denomination.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="UnitCost">Replaces the product's unit cost (non-voucher and fixed-price products).</param>
/// <param name="DiscountPercent">Percent off a voucher's denomination, 0 to 100.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.PriceListEntry")]
public sealed record PriceListEntry(
    [property: Id(0)] string ProductId,
    [property: Id(1)] decimal? UnitCost,
    [property: Id(2)] decimal? DiscountPercent);
