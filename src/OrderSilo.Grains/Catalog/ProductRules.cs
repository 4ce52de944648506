using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Grains.Catalog;

public static class ProductRules
{
    /// <summary>The product with every amount rounded to its currency's minor unit and denominations sorted.</summary>
    public static Product Normalize(Product product)
    {
        decimal Round(decimal amount) => Currencies.Round(amount, product.Currency);
        return product with
        {
            UnitCost = product.UnitCost is { } cost ? Round(cost) : null,
            Denominations = [.. product.Denominations.Select(Round).Distinct().Order()],
            MinValue = product.MinValue is { } min ? Round(min) : null,
            MaxValue = product.MaxValue is { } max ? Round(max) : null,
        };
    }
}
