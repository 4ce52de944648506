using OrderSilo.Contracts.Catalog;

namespace OrderSilo.Grains.Tests.Catalog;

/// <summary>Builds catalog products for tests; each call gets a fresh id. Adjust the rest with <c>with</c>.</summary>
internal static class TestProducts
{
    /// <summary>A licence sold at <paramref name="unitCost"/>.</summary>
    public static Product FixedPrice(decimal unitCost, string currency = "USD", string taxCategory = "digital") =>
        Make(currency, ProductKinds.FixedPrice, taxCategory) with { Kind = "licence", UnitCost = unitCost };

    /// <summary>A voucher sold at one of <paramref name="denominations"/>.</summary>
    public static Product Voucher(string currency, params decimal[] denominations) =>
        Make(currency, ProductKinds.FixedDenomination, "voucher_single_purpose") with { Denominations = [.. denominations] };

    /// <summary>A voucher whose value the buyer chooses from <paramref name="minValue"/> to <paramref name="maxValue"/>.</summary>
    public static Product OpenValue(string currency, decimal minValue, decimal maxValue) =>
        Make(currency, ProductKinds.OpenValue, "voucher_single_purpose") with { MinValue = minValue, MaxValue = maxValue };

    private static Product Make(string currency, string valueType, string taxCategory)
    {
        var id = "prd_" + Guid.NewGuid().ToString("N")[..20];
        return new Product
        {
            ProductId = id,
            Code = "CODE-" + id[4..],
            Name = "Test product " + id[4..],
            Kind = ProductKinds.Voucher,
            Currency = currency,
            TaxCategory = taxCategory,
            ValueType = valueType,
            Delivery = ProductKinds.Realtime,
            VoucherType = "code",
        };
    }
}
