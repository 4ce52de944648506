using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Pricing;

namespace OrderSilo.Grains.Pricing;

public static class PriceListRules
{
    /// <summary>The product as the company buys it: its list's unit cost and voucher discount applied.</summary>
    public static Product Effective(Product product, IReadOnlyDictionary<string, PriceListEntry>? list) =>
        list is not null && list.TryGetValue(product.ProductId, out var entry)
            ? product with { UnitCost = entry.UnitCost ?? product.UnitCost, DiscountPercent = entry.DiscountPercent }
            : product;

    /// <summary>Why an entry cannot be on a price list for <paramref name="product"/>, or null.</summary>
    public static string? Problem(PriceListEntry entry, Product? product) => (entry, product) switch
    {
        (_, null) => $"There is no product '{entry.ProductId}'.",
        ({ UnitCost: null, DiscountPercent: null }, _) => "Give a unitCost or a discountPercent.",
        ({ DiscountPercent: < 0 or > 100 }, _) => "discountPercent is from 0 to 100.",
        ({ UnitCost: { } cost }, { } p) when cost < 0 || !Currencies.IsExact(cost, p.Currency) =>
            $"unitCost is an amount of at least 0 in whole minor units of {p.Currency}.",
        _ => null,
    };
}
