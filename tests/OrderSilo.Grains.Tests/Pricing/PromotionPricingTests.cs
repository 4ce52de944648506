using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Contracts.Promotions;
using OrderSilo.Grains.Pricing;
using OrderSilo.Grains.Tests.Catalog;
using OrderSilo.Grains.Tests.Common;
using static OrderSilo.Grains.Tests.Pricing.Carts;

namespace OrderSilo.Grains.Tests.Pricing;

/// <summary>
/// Hand-computed carts, one per currency and promotion type; each is a worked example of docs/pricing.md, where
/// the same figures are written out step by step.
/// </summary>
public sealed class PromotionPricingTests
{
    private static PricedOrder Priced(PricingRequest request, Product[] products, params Promotion[] instant)
    {
        var outcome = PriceCalculator.Price(request, new PricingInputs { Products = products, InstantPromotions = instant, Now = TestPromotions.Now });
        Assert.Null(outcome.Error);
        return outcome.Value!;
    }

    [Fact]
    public void Price_UsdRegularPercent_TakesTenPercentOffEachUnitAndChargesVatAndCommissionOnWhatIsLeft()
    {
        var product = TestProducts.FixedPrice(99m, "USD") with { AffiliateCommissionPercent = 25m };
        var promotion = TestPromotions.Percent(PromotionKinds.Regular, 10m, product);

        var priced = Priced(Request("GB", Line(product, 2)), [product], promotion);

        var line = Assert.Single(priced.LineItems);
        MoneyAssert.Equal("99.00", line.UnitNetPrice);
        MoneyAssert.Equal("9.90", line.UnitDiscount);
        Assert.Equal(2, line.DiscountedQuantity);
        MoneyAssert.Equal("198.00", line.NetPrice);
        MoneyAssert.Equal("19.80", line.Discount);
        MoneyAssert.Equal("178.20", line.NetDiscountedPrice);
        MoneyAssert.Equal("35.64", line.Vat);
        MoneyAssert.Equal("237.60", line.GrossPrice);
        MoneyAssert.Equal("213.84", line.GrossDiscountedPrice);
        MoneyAssert.Equal("44.55", line.AffiliateCommission);
        Assert.Equal(promotion.Code, line.PromotionCode);
        var applied = Assert.Single(priced.Promotions);
        Assert.Equal((promotion.Code, PromotionKinds.Regular, (string?)null), (applied.Code, applied.Type, applied.CouponCode));
        MoneyAssert.Equal("19.80", applied.Discount);
        MoneyAssert.Equal("213.84", priced.Totals.AmountTotal);
        MoneyAssert.Equal("44.55", priced.Totals.AffiliateCommission);
    }

    [Fact]
    public void Price_EurFixedPerUnitWithMaximumQuantity_DiscountsOnlyThatManyUnits()
    {
        var product = TestProducts.FixedPrice(19.99m, "EUR");
        var promotion = TestPromotions.Fixed(PromotionKinds.Regular, "EUR", 5m, product) with { MaximumQuantity = 3 };

        var line = Assert.Single(Priced(Request("DE", Line(product, 5)), [product], promotion).LineItems);

        Assert.Equal(3, line.DiscountedQuantity);
        MoneyAssert.Equal("5.00", line.UnitDiscount);
        MoneyAssert.Equal("99.95", line.NetPrice);
        MoneyAssert.Equal("15.00", line.Discount);
        MoneyAssert.Equal("84.95", line.NetDiscountedPrice);
        MoneyAssert.Equal("16.14", line.Vat);                       // 16.1405
        MoneyAssert.Equal("118.94", line.GrossPrice);               // 99.95 + 18.9905
        MoneyAssert.Equal("101.09", line.GrossDiscountedPrice);
    }

    [Fact]
    public void Price_GbpGlobalFixed_SharesTheDiscountOutByLargestRemainder()
    {
        var (a, b, c) = (TestProducts.FixedPrice(10m, "GBP"), TestProducts.FixedPrice(20m, "GBP"), TestProducts.FixedPrice(3.33m, "GBP"));
        var promotion = TestPromotions.Fixed(PromotionKinds.Global, "GBP", 10m);

        var priced = Priced(Request("GB", Line(a), Line(b), Line(c)), [a, b, c], promotion);

        // 10.00 × 10/33.33, × 20/33.33, × 3.33/33.33 = 3.0003, 6.0006, 0.9991: rounded down 3.00, 6.00, 0.99 (9.99);
        // the missing penny goes to the line that lost the most by rounding down, the third.
        Assert.Equal(["3.00", "6.00", "1.00"], priced.LineItems.Select(l => l.OrderDiscount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(["7.00", "14.00", "2.33"], priced.LineItems.Select(l => l.NetDiscountedPrice.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(["1.40", "2.80", "0.47"], priced.LineItems.Select(l => l.Vat.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(priced.LineItems, l => Assert.Null(l.PromotionCode));
        MoneyAssert.Equal("10.00", priced.Totals.Discount);
        MoneyAssert.Equal("23.33", priced.Totals.NetDiscountedPrice);
        MoneyAssert.Equal("4.67", priced.Totals.Vat);
        MoneyAssert.Equal("28.00", priced.Totals.AmountTotal);
        Assert.Equal(PromotionKinds.Global, Assert.Single(priced.Promotions).Type);
    }

    [Fact]
    public void Price_JpyOrderPromotion_AppliesFromItsMinimumQuantityAndRoundsHalfYenAway()
    {
        var product = TestProducts.FixedPrice(1250m, "JPY");
        var promotion = TestPromotions.Percent(PromotionKinds.Order, 15m, product) with { MinimumQuantity = 3 };

        var two = Assert.Single(Priced(Request("DE", Line(product, 2)), [product], promotion).LineItems);
        var three = Assert.Single(Priced(Request("DE", Line(product, 3)), [product], promotion).LineItems);

        MoneyAssert.Equal("0", two.Discount);
        Assert.Null(two.PromotionCode);
        MoneyAssert.Equal("188", three.UnitDiscount);              // 187.5
        MoneyAssert.Equal("3750", three.NetPrice);
        MoneyAssert.Equal("563", three.Discount);                  // 3 × 187.5 = 562.5
        MoneyAssert.Equal("3187", three.NetDiscountedPrice);
        MoneyAssert.Equal("606", three.Vat);                       // 605.53
        MoneyAssert.Equal("238", three.UnitVat);                   // 237.5
        MoneyAssert.Equal("4463", three.GrossPrice);               // 3750 + 712.5
        MoneyAssert.Equal("3793", three.GrossDiscountedPrice);
    }

    [Fact]
    public void Price_KwdGlobalPercent_RoundsTheOrderDiscountThenSharesItInFils()
    {
        var (a, b) = (TestProducts.FixedPrice(1.25m, "KWD"), TestProducts.FixedPrice(2.999m, "KWD"));
        var promotion = TestPromotions.Percent(PromotionKinds.Global, 12.5m);

        var priced = Priced(Request("KW", Line(a, 3), Line(b)), [a, b], promotion);

        MoneyAssert.Equal("6.749", priced.Totals.NetPrice);
        MoneyAssert.Equal("0.844", priced.Totals.Discount);       // 0.843625
        MoneyAssert.Equal("0.469", priced.LineItems[0].OrderDiscount);
        MoneyAssert.Equal("0.375", priced.LineItems[1].OrderDiscount);
        MoneyAssert.Equal("5.905", priced.Totals.AmountTotal);
    }

    [Fact]
    public void Price_ZarHundredPercent_GivesExactlyZero()
    {
        var product = TestProducts.FixedPrice(49.99m, "ZAR") with { AffiliateCommissionPercent = 10m };
        var promotion = TestPromotions.Percent(PromotionKinds.Regular, 100m, product);

        var priced = Priced(Request("ZA", Line(product, 2)), [product], promotion);

        var line = Assert.Single(priced.LineItems);
        MoneyAssert.Equal("99.98", line.Discount);
        MoneyAssert.Equal("0.00", line.NetDiscountedPrice);
        MoneyAssert.Equal("0.00", line.Vat);
        MoneyAssert.Equal("114.98", line.GrossPrice);
        MoneyAssert.Equal("0.00", line.AffiliateCommission);
        MoneyAssert.Equal("0.00", priced.Totals.AmountTotal);
    }

    [Fact]
    public void Price_LineAndOrderPromotions_Stack_TheOrderOneOnWhatTheLineOneLeft()
    {
        var product = TestProducts.FixedPrice(50m, "USD");
        var line = TestPromotions.Percent(PromotionKinds.Regular, 10m, product);
        var order = TestPromotions.Fixed(PromotionKinds.Global, "USD", 5m);

        var priced = Priced(Request("US", Line(product)), [product], line, order);

        var priced0 = Assert.Single(priced.LineItems);
        MoneyAssert.Equal("10.00", priced0.Discount);
        MoneyAssert.Equal("5.00", priced0.OrderDiscount);
        MoneyAssert.Equal("40.00", priced.Totals.AmountTotal);
        Assert.Equal([line.Code, order.Code], priced.Promotions.Select(p => p.Code));
        Assert.Equal(priced.Totals.Discount, priced.Promotions.Sum(p => p.Discount));
    }

    [Fact]
    public void Price_TwoLinePromotions_DoNotStack_TheLargerDiscountWins()
    {
        var product = TestProducts.FixedPrice(50m, "USD");
        var percent = TestPromotions.Percent(PromotionKinds.Regular, 10m, product);
        var fixedSix = TestPromotions.Fixed(PromotionKinds.Regular, "USD", 6m, product);

        var priced = Priced(Request("US", Line(product)), [product], percent, fixedSix);

        Assert.Equal(fixedSix.Code, Assert.Single(priced.LineItems).PromotionCode);
        MoneyAssert.Equal("6.00", priced.Totals.Discount);
        Assert.Equal(fixedSix.Code, Assert.Single(priced.Promotions).Code);
    }

    [Fact]
    public void Price_FixedDiscountLargerThanTheUnit_TakesTheUnitToZeroAndNoFurther()
    {
        var product = TestProducts.FixedPrice(3m, "USD");
        var promotion = TestPromotions.Fixed(PromotionKinds.Regular, "USD", 5m, product);

        var line = Assert.Single(Priced(Request("US", Line(product, 2)), [product], promotion).LineItems);

        MoneyAssert.Equal("6.00", line.Discount);
        MoneyAssert.Equal("0.00", line.NetDiscountedPrice);
    }

    [Fact]
    public void Price_InstantPromotionOutsideItsDatesOrDisabledOrInAnotherCurrency_DoesNotApply()
    {
        var product = TestProducts.FixedPrice(10m, "USD");
        Promotion[] inactive =
        [
            TestPromotions.Percent(PromotionKinds.Regular, 10m, product) with { StartDate = TestPromotions.Now.AddSeconds(1) },
            TestPromotions.Percent(PromotionKinds.Regular, 10m, product) with { EndDate = TestPromotions.Now },
            TestPromotions.Percent(PromotionKinds.Regular, 10m, product) with { Enabled = false },
            TestPromotions.Percent(PromotionKinds.Regular, 10m, product) with { MaximumOrdersNumber = 5, OrdersUsed = 5 },
            TestPromotions.Fixed(PromotionKinds.Regular, "EUR", 1m, product),
            TestPromotions.Percent(PromotionKinds.Regular, 10m, TestProducts.FixedPrice(10m, "USD")),
        ];

        var priced = Priced(Request("US", Line(product)), [product], inactive);

        Assert.Empty(priced.Promotions);
        MoneyAssert.Equal("10.00", priced.Totals.AmountTotal);
    }

    [Fact]
    public void Price_ExcludedInstantPromotion_IsLeftOut()
    {
        var product = TestProducts.FixedPrice(10m, "USD");
        var promotion = TestPromotions.Percent(PromotionKinds.Regular, 10m, product);

        var priced = Priced(Request("US", Line(product)) with { ExcludedPromotions = [promotion.Code] }, [product], promotion);

        Assert.Empty(priced.Promotions);
    }

    [Fact]
    public void Price_Coupon_AppliesItsPromotionAndNamesTheCouponConsumed()
    {
        var product = TestProducts.FixedPrice(20m, "USD");
        var promotion = TestPromotions.Percent(PromotionKinds.Regular, 25m, product) with { InstantDiscount = false };
        var request = Request("US", Line(product)) with { CouponCodes = ["spring-25"] };

        var outcome = PriceCalculator.Price(request, new PricingInputs
        {
            Products = [product],
            Coupons = [new CouponOffer(promotion, new Coupon("SPRING-25", PromotionKinds.SingleCoupon))],
            Now = TestPromotions.Now,
        });

        var applied = Assert.Single(outcome.Value!.Promotions);
        Assert.Equal((promotion.Code, "SPRING-25"), (applied.Code, applied.CouponCode));
        MoneyAssert.Equal("15.00", outcome.Value.Totals.AmountTotal);
        Assert.Empty(outcome.Value.Errors);
    }

    public static TheoryData<string, string> RefusedCoupons => new()
    {
        { "unknown", "is unknown" },
        { "expired", "has expired" },
        { "not started", "has not started" },
        { "used up", "is used up" },
        { "unique coupon used", "is used up" },
        { "wrong currency", "is the wrong currency" },
        { "disabled", "is disabled" },
        { "not applicable", "is not applicable" },
    };

    [Theory]
    [MemberData(nameof(RefusedCoupons))]
    public void Price_CouponThatCannotBeUsed_IsNamedInErrorsAndTheCartIsPricedWithoutIt(string situation, string reason)
    {
        var product = TestProducts.FixedPrice(20m, "USD");
        var promotion = TestPromotions.Percent(PromotionKinds.Regular, 25m, product) with { InstantDiscount = false };
        var coupon = new Coupon("CODE-1", PromotionKinds.SingleCoupon);
        CouponOffer? offer = situation switch
        {
            "unknown" => null,
            "expired" => new(promotion with { EndDate = TestPromotions.Now.AddDays(-1) }, coupon),
            "not started" => new(promotion with { StartDate = TestPromotions.Now.AddDays(1) }, coupon),
            "used up" => new(promotion with { MaximumOrdersNumber = 50, OrdersUsed = 50 }, coupon),
            "unique coupon used" => new(promotion, coupon with { Type = PromotionKinds.MultipleCoupons, Used = true }),
            "wrong currency" => new(TestPromotions.Fixed(PromotionKinds.Regular, "EUR", 5m, product) with { InstantDiscount = false }, coupon),
            "disabled" => new(promotion with { Enabled = false }, coupon),
            _ => new(promotion with { ProductIds = ["prd_something_else"] }, coupon),
        };
        var request = Request("US", Line(product)) with { CouponCodes = ["ok-not-used", "code-1"] };

        var outcome = PriceCalculator.Price(request, new PricingInputs { Products = [product], Coupons = [null, offer], Now = TestPromotions.Now });

        var priced = outcome.Value!;
        Assert.Empty(priced.Promotions);
        MoneyAssert.Equal("20.00", priced.Totals.AmountTotal);
        var error = priced.Errors.Single(e => e.Field == "couponCodes[1]");
        Assert.Equal(ErrorCodes.PromotionUnavailable, error.Code);
        Assert.Contains("CODE-1", error.Detail, StringComparison.Ordinal);
        Assert.Contains(reason, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Price_TwoCouponsOfOnePromotion_RefusesTheSecond()
    {
        var product = TestProducts.FixedPrice(20m, "USD");
        var promotion = TestPromotions.Percent(PromotionKinds.Regular, 25m, product) with { InstantDiscount = false };
        var request = Request("US", Line(product)) with { CouponCodes = ["A-1", "A-2"] };

        var priced = PriceCalculator.Price(request, new PricingInputs
        {
            Products = [product],
            Coupons = [new(promotion, new Coupon("A-1", PromotionKinds.MultipleCoupons)), new(promotion, new Coupon("A-2", PromotionKinds.MultipleCoupons))],
            Now = TestPromotions.Now,
        }).Value!;

        Assert.Equal("A-1", Assert.Single(priced.Promotions).CouponCode);
        Assert.Equal("couponCodes[1]", Assert.Single(priced.Errors).Field);
    }

    [Fact]
    public void Price_MaximumQuantity_IsABudgetForTheWholeOrderSpentLineByLine()
    {
        var (a, b) = (TestProducts.FixedPrice(10m, "USD"), TestProducts.FixedPrice(10m, "USD"));
        var promotion = TestPromotions.Percent(PromotionKinds.Regular, 50m, a, b) with { MaximumQuantity = 3 };

        var priced = Priced(Request("US", Line(a, 2), Line(b, 2)), [a, b], promotion);

        Assert.Equal([2, 1], priced.LineItems.Select(l => l.DiscountedQuantity));
        MoneyAssert.Equal("15.00", priced.Totals.Discount);
    }

    [Fact]
    public void Price_PriceListDiscount_KeepsTheUnroundedUnitPriceBesideTheRoundedOne()
    {
        var voucher = TestProducts.Voucher("USD", 9.99m);
        var request = Request("US", Line(voucher, 3, 9.99m));

        var priced = PriceCalculator.Price(request, new PricingInputs
        {
            Products = [voucher],
            PriceList = new Dictionary<string, PriceListEntry> { [voucher.ProductId] = new(voucher.ProductId, null, 3m) },
        }).Value!;

        var line = Assert.Single(priced.LineItems);
        Assert.Equal(9.6903m, line.UnitNetPriceRaw);
        MoneyAssert.Equal("9.69", line.UnitNetPrice);
        MoneyAssert.Equal("29.07", line.NetPrice);                 // 29.0709
    }
}
