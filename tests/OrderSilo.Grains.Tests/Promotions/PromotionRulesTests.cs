using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Promotions;
using OrderSilo.Grains.Promotions;
using OrderSilo.Grains.Tests.Pricing;

namespace OrderSilo.Grains.Tests.Promotions;

public sealed class PromotionRulesTests
{
    private static readonly DateTimeOffset Now = TestPromotions.Now;

    private static PromotionState State(Promotion promotion, params (string Code, string Type)[] coupons) =>
        PromotionRules.Counted(new PromotionState
        {
            Promotion = promotion,
            Coupons = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, coupons.Select(c => KeyValuePair.Create(c.Code, c.Type))),
        });

    private static Promotion Capped(int? cap) => TestPromotions.Percent(PromotionKinds.Regular, 10m) with { MaximumOrdersNumber = cap };

    [Fact]
    public void Reserve_CappedPromotion_CountsUsesUpToTheCapAndRefusesTheNext()
    {
        var state = State(Capped(2));

        var first = PromotionRules.Reserve(state, "ord_1", null, Now).Value!;
        var second = PromotionRules.Reserve(first.State, "ord_2", null, Now).Value!;
        var third = PromotionRules.Reserve(second.State, "ord_3", null, Now);

        Assert.True(first.Created && second.Created);
        Assert.Equal(2, second.State.Promotion!.OrdersUsed);
        Assert.True(second.State.Promotion.UsedUp);
        Assert.Equal(ErrorCodes.PromotionUnavailable, third.Error!.Code);
        Assert.Contains("used up", third.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Reserve_SameOrderTwice_CountsOnce()
    {
        var once = PromotionRules.Reserve(State(Capped(2)), "ord_1", null, Now).Value!;

        var again = PromotionRules.Reserve(once.State, "ord_1", null, Now).Value!;

        Assert.False(again.Created);
        Assert.Same(once.State, again.State);
        Assert.Equal(1, again.State.Promotion!.OrdersUsed);
    }

    [Fact]
    public void Release_GivesTheUseBack_AndIsHarmlessTwice()
    {
        var full = PromotionRules.Reserve(State(Capped(1)), "ord_1", null, Now).Value!.State;

        var released = PromotionRules.Release(PromotionRules.Confirm(full, "ord_1"), "ord_1");
        var releasedAgain = PromotionRules.Release(released, "ord_1");
        var next = PromotionRules.Reserve(released, "ord_2", null, Now);

        Assert.Equal(0, released.Promotion!.OrdersUsed);
        Assert.Same(released, releasedAgain);
        Assert.True(next.Value!.Created);
    }

    [Fact]
    public void Reserve_UncappedWithoutUniqueCoupon_RecordsNothing()
    {
        var state = State(Capped(null), ("SHARED", PromotionKinds.SingleCoupon));

        var instant = PromotionRules.Reserve(state, "ord_1", null, Now).Value!;
        var shared = PromotionRules.Reserve(state, "ord_2", "SHARED", Now).Value!;

        Assert.Equal((false, false), (instant.Created, shared.Created));
        Assert.Empty(shared.State.Uses);
        Assert.Null(shared.State.Promotion!.OrdersUsed);
    }

    [Fact]
    public void Reserve_UniqueCoupon_IsUsableByOneOrderUntilReleased()
    {
        var state = State(Capped(null), ("ONCE-1", PromotionKinds.MultipleCoupons));

        var first = PromotionRules.Reserve(state, "ord_1", "ONCE-1", Now).Value!;
        var second = PromotionRules.Reserve(first.State, "ord_2", "ONCE-1", Now);
        var afterRelease = PromotionRules.Reserve(PromotionRules.Release(first.State, "ord_1"), "ord_2", "ONCE-1", Now);

        Assert.True(first.Created);
        Assert.Contains("used up", second.Error!.Detail, StringComparison.Ordinal);
        Assert.True(afterRelease.Value!.Created);
        Assert.True(PromotionRules.Coupons(first.State).Single().Used);
    }

    [Theory]
    [InlineData("disabled", "is disabled")]
    [InlineData("not started", "has not started")]
    [InlineData("expired", "has expired")]
    [InlineData("no discount", "has no discount set")]
    [InlineData("deleted coupon", "has no coupon 'GONE' any more")]
    public void Reserve_PromotionThatCannotBeHadNow_IsRefusedSayingWhy(string situation, string reason)
    {
        var promotion = Capped(10);
        var state = situation switch
        {
            "disabled" => State(promotion with { Enabled = false }),
            "not started" => State(promotion with { StartDate = Now.AddMinutes(1) }),
            "expired" => State(promotion with { EndDate = Now }),
            "no discount" => State(promotion with { Discount = null }),
            _ => State(promotion),
        };

        var refused = PromotionRules.Reserve(state, "ord_1", situation == "deleted coupon" ? "GONE" : null, Now);

        Assert.Equal(ErrorCodes.PromotionUnavailable, refused.Error!.Code);
        Assert.Contains(reason, refused.Error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name", "")]
    [InlineData("type", "SPECIAL")]
    [InlineData("endDate", "before start")]
    [InlineData("maximumOrdersNumber", "0")]
    [InlineData("maximumQuantity", "global")]
    [InlineData("minimumQuantity", "regular")]
    [InlineData("productIds[1]", "twice")]
    [InlineData("discount.value", "101")]
    [InlineData("discount.values[0].amount", "1.001")]
    [InlineData("discount.defaultCurrency", "not listed")]
    public void Problem_BadDefinition_NamesTheField(string field, string what)
    {
        var good = TestPromotions.Fixed(PromotionKinds.Regular, "USD", 5m) with { ProductIds = ["prd_a", "prd_b"] };
        var promotion = (field, what) switch
        {
            ("name", _) => good with { Name = "" },
            ("type", _) => good with { Type = what },
            ("endDate", _) => good with { StartDate = Now, EndDate = Now.AddDays(-1) },
            ("maximumOrdersNumber", _) => good with { MaximumOrdersNumber = 0 },
            ("maximumQuantity", _) => good with { Type = PromotionKinds.Global, MaximumQuantity = 2 },
            ("minimumQuantity", _) => good with { MinimumQuantity = 2 },
            ("productIds[1]", _) => good with { ProductIds = ["prd_a", "prd_a"] },
            ("discount.value", _) => good with { Discount = new PromotionDiscount { Type = PromotionKinds.Percent, Value = 101m } },
            ("discount.values[0].amount", _) => good with { Discount = good.Discount! with { Values = [new CurrencyAmount("USD", 1.001m)] } },
            _ => good with { Discount = good.Discount! with { DefaultCurrency = "EUR" } },
        };

        Assert.Null(PromotionRules.Problem(good));
        Assert.Equal(field, PromotionRules.Problem(promotion)?.Field);
    }
}
