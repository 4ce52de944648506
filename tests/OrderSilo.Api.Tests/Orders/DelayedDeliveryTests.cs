using static OrderSilo.Api.Tests.Orders.LifecycleTestSteps;

namespace OrderSilo.Api.Tests.Orders;

/// <summary>Products with delayed delivery: processing first, then delivered by the built-in issuer, or cancelled.</summary>
public sealed class DelayedDeliveryTests(SystemFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ADelayedOrder_IsProcessing_ThenCompletesWithItsVouchers_KeepingItsCredit()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin, delivery: "delayed");
        await SetTermsAsync(fixture.Admin, tenant, """{"creditLimit":"100.00"}""");

        var order = await PlaceAsync(tenant, Order(product, new { type = "account" }, 2));
        var delivered = await WaitForAsync(tenant, Id(order), o => Status(o) == "completed", Patience);

        Assert.Equal(("processing", "pending", 0), (Status(order), order["deliveryStatus"]!.GetValue<string>(), order["vouchers"]!.AsArray().Count));
        Assert.Equal("delivered", delivered["deliveryStatus"]!.GetValue<string>());
        Assert.Equal(2, delivered["vouchers"]!.AsArray().Count);
        Assert.Equal(["placed", "fulfilled"], Causes(delivered));
        Assert.Equal("80.00", await AvailableCreditAsync(tenant));
    }

    [Fact]
    public async Task AFailedFulfilment_CancelsTheOrder_AndGivesItsCreditBack()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin, delivery: "delayed", codePrefix: "FAILFUL-");
        await SetTermsAsync(fixture.Admin, tenant, """{"creditLimit":"100.00"}""");

        var order = await PlaceAsync(tenant, Order(product, new { type = "account" }, 2));
        var held = await AvailableCreditAsync(tenant);
        var failed = await WaitForAsync(tenant, Id(order), o => Status(o) != "processing", Patience);

        Assert.Equal("80.00", held);
        Assert.Equal(("cancelled", "fulfilment_failed", "cancelled"),
            (Status(failed), failed["cancelReason"]!.GetValue<string>(), failed["deliveryStatus"]!.GetValue<string>()));
        Assert.Equal("100.00", await AvailableCreditAsync(tenant));
    }

    [Fact]
    public async Task AnInvoiceForADelayedProduct_IsDeliveredAfterItIsPaid()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin, delivery: "delayed");

        var order = await PlaceAsync(tenant, Order(product, new { type = "invoice" }));
        var paid = await PayAsync(fixture.Admin, Id(order), "10.00", "r-1");
        var delivered = await WaitForAsync(tenant, Id(order), o => Status(o) == "completed", Patience);

        Assert.Equal(("processing", "pending"), (Status(paid), paid["deliveryStatus"]!.GetValue<string>()));
        Assert.Equal(["placed", "paid", "fulfilled"], Causes(delivered));
        Assert.Single(delivered["vouchers"]!.AsArray());
    }
}
