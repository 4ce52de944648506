using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Grains.Pricing;
using OrderSilo.Grains.Tests.Catalog;
using OrderSilo.Grains.Tests.Common;
using static OrderSilo.Grains.Tests.Pricing.Carts;

namespace OrderSilo.Grains.Tests.Pricing;

public sealed class PriceCalculatorTests
{
    private static PricedOrder Priced(PricingRequest request, params Product?[] products)
    {
        var outcome = PriceCalculator.Price(request, products, TaxTable.Default);
        Assert.Null(outcome.Error);
        return outcome.Value!;
    }

    [Fact]
    public void Price_GbBuyerOfDigitalProduct_ChargesTwentyPercentVatOnTheRoundedLine()
    {
        var product = TestProducts.FixedPrice(9.99m, "GBP", taxCategory: "digital");

        var priced = Priced(Request("GB", Line(product, 3)), product);

        Assert.Equal("GBP", priced.Currency);
        var line = Assert.Single(priced.LineItems);
        Assert.Equal(product.ProductId, line.ProductId);
        Assert.Equal(product.Name, line.ProductName);
        Assert.Null(line.Denomination);
        Assert.Equal(3, line.Quantity);
        MoneyAssert.Equal("9.99", line.UnitNetPrice);
        MoneyAssert.Equal("0.00", line.UnitDiscount);
        MoneyAssert.Equal("2.00", line.UnitVat);            // 1.998
        MoneyAssert.Equal("29.97", line.NetPrice);
        MoneyAssert.Equal("0.00", line.Discount);
        MoneyAssert.Equal("29.97", line.NetDiscountedPrice);
        MoneyAssert.Equal("5.99", line.Vat);                // 5.994
        Assert.Equal(20m, line.VatPercent);
        MoneyAssert.Equal("35.96", line.GrossPrice);
        MoneyAssert.Equal("35.96", line.GrossDiscountedPrice);
        MoneyAssert.Equal("0.00", line.AffiliateCommission);

        var totals = priced.Totals;
        MoneyAssert.Equal("29.97", totals.NetPrice);
        MoneyAssert.Equal("0.00", totals.Discount);
        MoneyAssert.Equal("29.97", totals.NetDiscountedPrice);
        MoneyAssert.Equal("5.99", totals.Vat);
        MoneyAssert.Equal("35.96", totals.GrossPrice);
        MoneyAssert.Equal("35.96", totals.GrossDiscountedPrice);
        MoneyAssert.Equal("0.00", totals.AffiliateCommission);
        MoneyAssert.Equal("35.96", totals.AmountTotal);
    }

    [Fact]
    public void Price_MultiPurposeVoucher_CarriesNoVat()
    {
        var voucher = TestProducts.Voucher("GBP", 25m, 50m) with { TaxCategory = TaxTable.MultiPurposeVoucher };

        var priced = Priced(Request("GB", Line(voucher, 2, 50m)), voucher);

        var line = Assert.Single(priced.LineItems);
        MoneyAssert.Equal("50.00", line.Denomination);
        MoneyAssert.Equal("50.00", line.UnitNetPrice);
        MoneyAssert.Equal("0.00", line.UnitVat);
        MoneyAssert.Equal("100.00", line.NetPrice);
        Assert.Equal(0m, line.VatPercent);
        MoneyAssert.Equal("0.00", line.Vat);
        MoneyAssert.Equal("100.00", line.GrossPrice);
        MoneyAssert.Equal("100.00", line.GrossDiscountedPrice);
        MoneyAssert.Equal("100.00", priced.Totals.AmountTotal);
    }

    [Fact]
    public void Price_SinglePurposeVoucher_IsChargedTheCountrysRate()
    {
        var voucher = TestProducts.Voucher("EUR", 25m) with { TaxCategory = "voucher_single_purpose" };

        var line = Assert.Single(Priced(Request("DE", Line(voucher, 1, 25m)), voucher).LineItems);

        Assert.Equal(19m, line.VatPercent);
        MoneyAssert.Equal("4.75", line.Vat);
        MoneyAssert.Equal("29.75", line.GrossDiscountedPrice);
    }

    [Fact]
    public void Price_BuyerInCountryWithoutRate_PaysNoVat()
    {
        var product = TestProducts.FixedPrice(10m, "USD");

        var line = Assert.Single(Priced(Request("JP", Line(product, 2)), product).LineItems);

        Assert.Equal(0m, line.VatPercent);
        MoneyAssert.Equal("0.00", line.Vat);
        MoneyAssert.Equal("20.00", line.GrossDiscountedPrice);
    }

    [Fact]
    public void Price_Yen_RoundsLineVatHalfAwayFromZeroToWholeYen()
    {
        var product = TestProducts.FixedPrice(150m, "JPY");

        var priced = Priced(Request("DE", Line(product, 3)), product);

        var line = Assert.Single(priced.LineItems);
        MoneyAssert.Equal("150", line.UnitNetPrice);
        MoneyAssert.Equal("29", line.UnitVat);              // 28.5
        MoneyAssert.Equal("450", line.NetPrice);
        MoneyAssert.Equal("0", line.Discount);
        MoneyAssert.Equal("86", line.Vat);                  // 85.5, charged on the line, not 3 × 29
        MoneyAssert.Equal("536", line.GrossPrice);
        MoneyAssert.Equal("536", line.GrossDiscountedPrice);
        MoneyAssert.Equal("536", priced.Totals.AmountTotal);
    }

    [Fact]
    public void Price_KuwaitiDinar_RoundsToThreeDecimalsHalfAwayFromZero()
    {
        var product = TestProducts.FixedPrice(5.001m, "KWD");

        var priced = Priced(Request("SE", Line(product, 2)), product);

        var line = Assert.Single(priced.LineItems);
        Assert.Equal(25m, line.VatPercent);
        MoneyAssert.Equal("5.001", line.UnitNetPrice);
        MoneyAssert.Equal("1.250", line.UnitVat);           // 1.25025
        MoneyAssert.Equal("10.002", line.NetPrice);
        MoneyAssert.Equal("0.000", line.Discount);
        MoneyAssert.Equal("2.501", line.Vat);               // 2.5005
        MoneyAssert.Equal("12.503", line.GrossPrice);
        MoneyAssert.Equal("12.503", line.GrossDiscountedPrice);
        MoneyAssert.Equal("12.503", priced.Totals.AmountTotal);
    }

    [Fact]
    public void Price_KuwaitiDinarVoucher_ShowsDenominationWithThreeDecimals()
    {
        var voucher = TestProducts.Voucher("KWD", 1.25m) with { TaxCategory = TaxTable.MultiPurposeVoucher };

        var line = Assert.Single(Priced(Request("KW", Line(voucher, 4, 1.25m)), voucher).LineItems);

        MoneyAssert.Equal("1.250", line.Denomination);
        MoneyAssert.Equal("1.250", line.UnitNetPrice);
        MoneyAssert.Equal("5.000", line.NetPrice);
        MoneyAssert.Equal("5.000", line.GrossDiscountedPrice);
    }

    [Fact]
    public void Price_OpenValueVoucher_IsPricedAtTheChosenValue()
    {
        var voucher = TestProducts.OpenValue("USD", 5m, 500m);

        var line = Assert.Single(Priced(Request("US", Line(voucher, 2, 12.5m)), voucher).LineItems);

        MoneyAssert.Equal("12.50", line.Denomination);
        MoneyAssert.Equal("12.50", line.UnitNetPrice);
        MoneyAssert.Equal("25.00", line.NetPrice);
        MoneyAssert.Equal("25.00", line.GrossDiscountedPrice);
    }

    [Fact]
    public void Price_WithThreeLines_TotalsAreExactSumsOfLines()
    {
        var licence = TestProducts.FixedPrice(9.99m, "GBP");
        var voucher = TestProducts.Voucher("GBP", 25m) with { TaxCategory = TaxTable.MultiPurposeVoucher };
        var addOn = TestProducts.FixedPrice(4.99m, "GBP");

        var priced = Priced(Request("GB", Line(licence, 3), Line(voucher, 2, 25m), Line(addOn, 1)), licence, voucher, addOn);

        Assert.Equal(3, priced.LineItems.Length);
        MoneyAssert.Equal("5.99", priced.LineItems[0].Vat);        // 5.994
        MoneyAssert.Equal("0.00", priced.LineItems[1].Vat);
        MoneyAssert.Equal("1.00", priced.LineItems[2].Vat);        // 0.998
        MoneyAssert.Equal("84.96", priced.Totals.NetPrice);
        MoneyAssert.Equal("0.00", priced.Totals.Discount);
        MoneyAssert.Equal("84.96", priced.Totals.NetDiscountedPrice);
        MoneyAssert.Equal("6.99", priced.Totals.Vat);
        MoneyAssert.Equal("91.95", priced.Totals.GrossPrice);
        MoneyAssert.Equal("91.95", priced.Totals.GrossDiscountedPrice);
        MoneyAssert.Equal("91.95", priced.Totals.AmountTotal);
    }

    [Fact]
    public void Price_LinesRoundedUp_TotalVatIsTheSumOfLinesNotTheRoundedTotal()
    {
        var first = TestProducts.FixedPrice(1.03m, "GBP");
        var second = TestProducts.FixedPrice(1.03m, "GBP");
        var third = TestProducts.FixedPrice(1.03m, "GBP");

        var priced = Priced(Request("GB", Line(first), Line(second), Line(third)), first, second, third);

        Assert.All(priced.LineItems, line => MoneyAssert.Equal("0.21", line.Vat));   // 0.206 each
        MoneyAssert.Equal("3.09", priced.Totals.NetPrice);
        MoneyAssert.Equal("0.63", priced.Totals.Vat);                                  // not 0.62 (= 0.618 rounded)
        MoneyAssert.Equal("3.72", priced.Totals.AmountTotal);
    }

    [Fact]
    public void Price_ValidCart_ReturnsTheProductOfEachLine()
    {
        var licence = TestProducts.FixedPrice(9.99m, "GBP");
        var voucher = TestProducts.Voucher("GBP", 25m);

        var priced = Priced(Request("GB", Line(voucher, 1, 25m), Line(licence)), voucher, licence);

        Assert.Equal([voucher, licence], priced.Products);
        Assert.Equal([voucher.ProductId, licence.ProductId], priced.LineItems.Select(l => l.ProductId));
    }

    [Fact]
    public void Price_RefusedCart_FailsWithTheCartError()
    {
        var product = TestProducts.FixedPrice(5m);

        var outcome = PriceCalculator.Price(Request("US", Line(product), new("prd_gone", 1, null)), [product, null], TaxTable.Default);

        Assert.True(outcome.Failed);
        Assert.Null(outcome.Value);
        Assert.Equal(ErrorCodes.NotFound, outcome.Error!.Code);
        Assert.Equal("lineItems[1].productId", outcome.Error.Field);
    }

    [Fact]
    public void Price_WithCustomTaxTable_UsesItsRate()
    {
        var product = TestProducts.FixedPrice(10m, "USD");
        var taxes = new TaxTable(new Dictionary<string, decimal> { ["US"] = 8.875m });

        var outcome = PriceCalculator.Price(Request("US", Line(product, 1)), [product], taxes);

        var line = Assert.Single(outcome.Value!.LineItems);
        Assert.Equal(8.875m, line.VatPercent);
        MoneyAssert.Equal("0.89", line.Vat);                 // 0.8875
        MoneyAssert.Equal("10.89", line.GrossDiscountedPrice);
    }
}
