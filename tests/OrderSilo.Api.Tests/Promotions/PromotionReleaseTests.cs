using static OrderSilo.Api.Tests.Orders.LifecycleTestSteps;

namespace OrderSilo.Api.Tests.Promotions;

/// <summary>A capped promotion's use comes back when the order holding it is cancelled or its invoice expires.</summary>
public sealed class PromotionReleaseTests(SystemFixture fixture)
{
    [Fact]
    public async Task CancellingAnOrder_GivesItsPromotionUseBack()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        await TestPromotions.CreateAsync(fixture.Admin, TestPromotions.PercentOff(TestPromotions.NewCode(), product, 10m, cap: 1));

        var first = await PlaceAsync(tenant, Order(product, new { type = "invoice" }));
        var whileHeld = await PlaceAsync(tenant, Order(product, new { type = "invoice" }));
        await StepAsync(tenant, Id(first), "cancel");
        var afterCancel = await PlaceAsync(tenant, Order(product, new { type = "invoice" }));

        Assert.Equal("9.00", first["totals"]!["amountTotal"]!.GetValue<string>());
        Assert.Equal("10.00", whileHeld["totals"]!["amountTotal"]!.GetValue<string>());
        Assert.Equal("9.00", afterCancel["totals"]!["amountTotal"]!.GetValue<string>());
        Assert.Single(afterCancel["promotions"]!.AsArray());
    }

    [Fact]
    public async Task AQuoteHoldsItsPromotionUse_UntilItIsCancelled()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        await TestPromotions.CreateAsync(fixture.Admin, TestPromotions.PercentOff(TestPromotions.NewCode(), product, 50m, cap: 1));

        var quote = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/quotes", Quote(product), TestContext.Current.CancellationToken), 201);
        var meanwhile = await PlaceAsync(tenant, Order(product, new { type = "account" }));
        await StepAsync(tenant, Id(quote), "cancel");
        var after = await PlaceAsync(tenant, Order(product, new { type = "account" }));

        Assert.Equal("5.00", quote["totals"]!["amountTotal"]!.GetValue<string>());
        Assert.Equal("10.00", meanwhile["totals"]!["amountTotal"]!.GetValue<string>());
        Assert.Equal("5.00", after["totals"]!["amountTotal"]!.GetValue<string>());
    }
}
