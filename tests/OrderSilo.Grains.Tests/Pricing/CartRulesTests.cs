using System.Globalization;
using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Grains.Pricing;
using OrderSilo.Grains.Tests.Catalog;
using static OrderSilo.Grains.Tests.Pricing.Carts;

namespace OrderSilo.Grains.Tests.Pricing;

public sealed class CartRulesTests
{
    private static DomainError? Check(PricingRequest request, params Product?[] products) =>
        CartRules.Check(request, products, out _);

    private static void AssertRefused(DomainError? error, string code, string field)
    {
        Assert.NotNull(error);
        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Detail));
    }

    [Fact]
    public void Check_ValidCart_PassesAndTakesTheProductsCurrency()
    {
        var licence = TestProducts.FixedPrice(9.99m, "GBP");
        var voucher = TestProducts.Voucher("GBP", 10m, 25m);

        var error = CartRules.Check(Request("GB", Line(licence, 3), Line(voucher, 2, 25m)), [licence, voucher], out var currency);

        Assert.Null(error);
        Assert.Equal("GBP", currency);
    }

    [Fact]
    public void Check_UnknownProduct_IsNotFoundNamingItsLine()
    {
        var known = TestProducts.FixedPrice(5m);
        var request = Request("US", Line(known), new("prd_missing", 1, null));

        var error = Check(request, known, null);

        AssertRefused(error, ErrorCodes.NotFound, "lineItems[1].productId");
        Assert.Contains("prd_missing", error!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_QuantityAtTheLimit_Passes()
    {
        var product = TestProducts.FixedPrice(5m) with { OrderQuantityLimit = 4 };
        Assert.Null(Check(Request("US", Line(product, 4)), product));
    }

    [Fact]
    public void Check_QuantityAboveTheLimit_IsQuantityLimitExceededNamingTheQuantity()
    {
        var cheap = TestProducts.FixedPrice(1m);
        var limited = TestProducts.FixedPrice(5m) with { OrderQuantityLimit = 4 };

        var error = Check(Request("US", Line(cheap, 10), Line(limited, 5)), cheap, limited);

        AssertRefused(error, ErrorCodes.QuantityLimitExceeded, "lineItems[1].quantity");
    }

    [Fact]
    public void Check_DefaultLimit_AllowsTenUnitsButNotEleven()
    {
        var product = TestProducts.FixedPrice(5m);
        Assert.Null(Check(Request("US", Line(product, 10)), product));
        AssertRefused(Check(Request("US", Line(product, 11)), product), ErrorCodes.QuantityLimitExceeded, "lineItems[0].quantity");
    }

    [Theory]
    [InlineData(10)]
    [InlineData(25)]
    [InlineData(50)]
    public void Check_OfferedDenomination_Passes(int denomination)
    {
        var voucher = TestProducts.Voucher("USD", 10m, 25m, 50m);
        Assert.Null(Check(Request("US", Line(voucher, 1, denomination)), voucher));
    }

    [Fact]
    public void Check_OfferedDenominationWithTrailingZeros_Passes()
    {
        var voucher = TestProducts.Voucher("USD", 10m, 25m, 50m);
        Assert.Null(Check(Request("US", Line(voucher, 1, 25.00m)), voucher));
    }

    [Theory]
    [InlineData("30")]
    [InlineData("25.01")]
    [InlineData("0")]
    public void Check_DenominationNotOffered_IsInvalidDenomination(string denomination)
    {
        var voucher = TestProducts.Voucher("USD", 10m, 25m, 50m);

        var error = Check(Request("US", Line(voucher, 1, Parse(denomination))), voucher);

        AssertRefused(error, ErrorCodes.InvalidDenomination, "lineItems[0].denomination");
    }

    [Fact]
    public void Check_VoucherWithoutDenomination_IsInvalidDenomination()
    {
        var voucher = TestProducts.Voucher("USD", 10m, 25m);
        var openValue = TestProducts.OpenValue("USD", 5m, 500m);

        AssertRefused(Check(Request("US", Line(voucher)), voucher), ErrorCodes.InvalidDenomination, "lineItems[0].denomination");
        AssertRefused(Check(Request("US", Line(openValue)), openValue), ErrorCodes.InvalidDenomination, "lineItems[0].denomination");
    }

    [Theory]
    [InlineData("USD", "5")]
    [InlineData("USD", "500")]
    [InlineData("USD", "123.45")]
    [InlineData("JPY", "500")]
    [InlineData("KWD", "12.345")]
    public void Check_OpenValueWithinRangeInWholeMinorUnits_Passes(string currency, string value)
    {
        var product = TestProducts.OpenValue(currency, 5m, 500m);
        Assert.Null(Check(Request("US", Line(product, 1, Parse(value))), product));
    }

    [Theory]
    [InlineData("USD", "4.99")]
    [InlineData("USD", "500.01")]
    [InlineData("USD", "12.345")]
    [InlineData("JPY", "100.5")]
    [InlineData("KWD", "12.3456")]
    public void Check_OpenValueOutOfRangeOrWithTooManyDecimals_IsInvalidDenomination(string currency, string value)
    {
        var product = TestProducts.OpenValue(currency, 5m, 500m);

        var error = Check(Request("US", Line(product, 1, Parse(value))), product);

        AssertRefused(error, ErrorCodes.InvalidDenomination, "lineItems[0].denomination");
    }

    [Fact]
    public void Check_FixedPriceWithoutDenominationOrWithItsPrice_Passes()
    {
        var licence = TestProducts.FixedPrice(19.99m);
        Assert.Null(Check(Request("US", Line(licence)), licence));
        Assert.Null(Check(Request("US", Line(licence, 1, 19.99m)), licence));
    }

    [Fact]
    public void Check_FixedPriceWithAnotherDenomination_IsInvalidDenomination()
    {
        var licence = TestProducts.FixedPrice(19.99m);
        AssertRefused(Check(Request("US", Line(licence, 1, 10m)), licence), ErrorCodes.InvalidDenomination, "lineItems[0].denomination");
    }

    [Fact]
    public void Check_PhoneMandatoryWithoutPhone_IsPhoneRequiredNamingRecipientPhone()
    {
        var product = TestProducts.Voucher("USD", 10m) with { IsPhoneNumberMandatory = true };

        var error = Check(Request("US", Line(product, 1, 10m)), product);

        AssertRefused(error, ErrorCodes.PhoneRequired, "recipient.phone");
    }

    [Fact]
    public void Check_PhoneMandatoryWithPhone_Passes()
    {
        var product = TestProducts.Voucher("USD", 10m) with { IsPhoneNumberMandatory = true };
        var request = Request("US", Line(product, 1, 10m)) with { HasRecipientPhone = true };

        Assert.Null(Check(request, product));
    }

    [Fact]
    public void Check_LinesInTwoCurrencies_IsCurrencyMismatchOnTheSecondLine()
    {
        var dollars = TestProducts.FixedPrice(5m, "USD");
        var euros = TestProducts.FixedPrice(5m, "EUR");

        var error = Check(Request("DE", Line(dollars), Line(euros)), dollars, euros);

        AssertRefused(error, ErrorCodes.CurrencyMismatch, "lineItems[1].productId");
    }

    [Fact]
    public void Check_RequestedCurrencyDiffersFromProducts_IsCurrencyMismatch()
    {
        var dollars = TestProducts.FixedPrice(5m, "USD");
        var request = Request("DE", Line(dollars)) with { Currency = "EUR" };

        var error = CartRules.Check(request, [dollars], out var currency);

        AssertRefused(error, ErrorCodes.CurrencyMismatch, "lineItems[0].productId");
        Assert.Equal("EUR", currency);
    }

    [Fact]
    public void Check_DelayedDelivery_IsAccepted()
    {
        var delayed = TestProducts.FixedPrice(5m) with { Delivery = "delayed" };

        var error = Check(Request("US", Line(delayed)), delayed);

        Assert.Null(error);
    }

    [Fact]
    public void UnitNetPrice_IsTheDenominationOfAVoucherAndTheUnitCostOtherwise()
    {
        var voucher = TestProducts.Voucher("USD", 25m);
        var openValue = TestProducts.OpenValue("USD", 5m, 500m);
        var licence = TestProducts.FixedPrice(19.99m);

        Assert.Equal(25m, CartRules.UnitNetPrice(voucher, Line(voucher, 1, 25m)));
        Assert.Equal(123.45m, CartRules.UnitNetPrice(openValue, Line(openValue, 1, 123.45m)));
        Assert.Equal(19.99m, CartRules.UnitNetPrice(licence, Line(licence)));
    }

    private static decimal Parse(string amount) => decimal.Parse(amount, CultureInfo.InvariantCulture);
}
