using OrderSilo.Contracts.Promotions;
using OrderSilo.Grains.Promotions;
using OrderSilo.Grains.Tests.Pricing;

namespace OrderSilo.Grains.Tests.Cluster;

/// <summary>Promotion uses held by orders placed through the poNumber gate, and given back as a cancellation will.</summary>
[Collection(SharedCluster.Name)]
public sealed class PromotionUseTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task ReleasedOrder_GivesItsUseOfACappedPromotionBack()
    {
        var tenant = await TestTenant.CreateAsync(Grains);
        var definition = TestPromotions.Percent(PromotionKinds.Regular, 10m, tenant.Product) with { MaximumOrdersNumber = 1 };
        var promotion = Grains.GetGrain<IPromotionGrain>(PromotionKeys.Of(definition.Code));
        Assert.Null((await promotion.Create(definition)).Error);

        var first = (await tenant.PoNumber(Grains, "PO-USE-1").Place(tenant.Order("PO-USE-1"))).Order!;
        var second = (await tenant.PoNumber(Grains, "PO-USE-2").Place(tenant.Order("PO-USE-2"))).Order!;
        await PromotionHolds.ReleaseAsync(Grains, first);
        await PromotionHolds.ReleaseAsync(Grains, first);
        var third = (await tenant.PoNumber(Grains, "PO-USE-3").Place(tenant.Order("PO-USE-3"))).Order!;

        Assert.Equal([definition.Code], first.Promotions.Select(p => p.Code));
        Assert.Empty(second.Promotions);
        Assert.Equal(30m, second.Totals.AmountTotal);         // 25.00 + 20 % VAT (a GB buyer)
        Assert.Equal([definition.Code], third.Promotions.Select(p => p.Code));
        Assert.Equal(27m, third.Totals.AmountTotal);          // 22.50 + 4.50 VAT
        Assert.Equal(1, (await promotion.Get())!.OrdersUsed);
    }

    [Fact]
    public async Task ReleasedOrder_FreesItsUniqueCoupon()
    {
        var tenant = await TestTenant.CreateAsync(Grains);
        var definition = TestPromotions.Percent(PromotionKinds.Regular, 20m, tenant.Product) with { InstantDiscount = false };
        var promotion = Grains.GetGrain<IPromotionGrain>(PromotionKeys.Of(definition.Code));
        var coupon = "ONCE-" + definition.Code;
        Assert.Null((await promotion.Create(definition)).Error);
        Assert.Null((await promotion.AddCoupons(PromotionKinds.MultipleCoupons, [coupon])).Error);

        var first = await tenant.PoNumber(Grains, "PO-CPN-1").Place(tenant.Order("PO-CPN-1") with { CouponCodes = [coupon] });
        var refused = await tenant.PoNumber(Grains, "PO-CPN-2").Place(tenant.Order("PO-CPN-2") with { CouponCodes = [coupon] });
        await PromotionHolds.ReleaseAsync(Grains, first.Order!);
        var again = await tenant.PoNumber(Grains, "PO-CPN-3").Place(tenant.Order("PO-CPN-3") with { CouponCodes = [coupon] });

        Assert.Equal(coupon, Assert.Single(first.Order!.Promotions).CouponCode);
        Assert.Equal("promotion_unavailable", refused.Error?.Code);
        Assert.Null(again.Error);
        Assert.True(Assert.Single(await promotion.GetCoupons()).Used);
    }
}
