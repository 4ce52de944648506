using System.Globalization;
using OrderSilo.Grains.Catalog;
using OrderSilo.Grains.Tests.Common;

namespace OrderSilo.Grains.Tests.Catalog;

public sealed class ProductRulesTests
{
    [Fact]
    public void Normalize_UnitCost_IsRoundedToTheCurrencysMinorUnit()
    {
        MoneyAssert.Equal("10.00", ProductRules.Normalize(TestProducts.FixedPrice(9.995m, "USD")).UnitCost);
        MoneyAssert.Equal("9.50", ProductRules.Normalize(TestProducts.FixedPrice(9.5m, "USD")).UnitCost);
        MoneyAssert.Equal("1001", ProductRules.Normalize(TestProducts.FixedPrice(1000.5m, "JPY")).UnitCost);
        MoneyAssert.Equal("2.000", ProductRules.Normalize(TestProducts.FixedPrice(2m, "KWD")).UnitCost);
    }

    [Fact]
    public void Normalize_NoUnitCost_StaysWithout()
    {
        var product = ProductRules.Normalize(TestProducts.Voucher("USD", 10m));

        Assert.Null(product.UnitCost);
        Assert.Null(product.MinValue);
        Assert.Null(product.MaxValue);
    }

    [Fact]
    public void Normalize_Denominations_AreRoundedSortedAndDistinct()
    {
        var product = ProductRules.Normalize(TestProducts.Voucher("USD", 50m, 10m, 25.00m, 25m, 10.001m, 100.5m));

        Assert.Equal(["10.00", "25.00", "50.00", "100.50"], product.Denominations.Select(Text));
    }

    [Fact]
    public void Normalize_YenDenominations_AreWholeYen()
    {
        var product = ProductRules.Normalize(TestProducts.Voucher("JPY", 5000m, 1000.00m, 1000m, 3000m));

        Assert.Equal(["1000", "3000", "5000"], product.Denominations.Select(Text));
    }

    [Fact]
    public void Normalize_OpenValueLimits_AreRoundedToTheMinorUnit()
    {
        var product = ProductRules.Normalize(TestProducts.OpenValue("KWD", 1.5m, 250m));

        MoneyAssert.Equal("1.500", product.MinValue);
        MoneyAssert.Equal("250.000", product.MaxValue);
    }

    [Fact]
    public void Normalize_LeavesEverythingElseAsItWas()
    {
        var original = TestProducts.Voucher("USD", 10m) with { Description = "A gift card", OrderQuantityLimit = 3, ValidityDays = 90 };

        var normalized = ProductRules.Normalize(original);

        Assert.Equal(original with { Denominations = normalized.Denominations }, normalized);
    }

    private static string Text(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
}
