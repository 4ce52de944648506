using static OrderSilo.Api.Tests.Orders.LifecycleTestSteps;
using static OrderSilo.Api.Tests.Trust.BalanceSteps;

namespace OrderSilo.Api.Tests.Trust;

/// <summary>
/// Refunds are the seller's: card money goes back through the gateway, money that came by wire is recorded as paid
/// back, never more than was paid; a card-paid order that is cancelled is refunded without anyone asking.
/// </summary>
public sealed class RefundTests(SystemFixture fixture)
{
    [Fact]
    public async Task CardMoney_GoesBackThroughTheGateway_InParts_UpToWhatWasPaid()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        await SaveCardAsync(tenant, "tok_visa");
        var order = await PlaceAsync(tenant, Order(product, new { type = "card" }, quantity: 3));

        var first = await RefundAsync(fixture.Admin, Id(order), "10.00", "one code unused");
        var second = await RefundAsync(fixture.Admin, Id(order), "20.00");
        var third = await PostRefundAsync(fixture.Admin, Id(order), "0.01");
        var noAmount = await fixture.Admin.Http.PostAsJsonAsync($"/api/v1/admin/orders/{Id(order)}/refunds", new { reason = "x" }, TestContext.Current.CancellationToken);
        var refunded = await GetAsync(tenant, Id(order));

        Assert.Equal(("10.00", "card", "succeeded"), (first["amount"]!.GetValue<string>(), first["method"]!.GetValue<string>(), first["status"]!.GetValue<string>()));
        Assert.StartsWith("re_", first["refundId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("re_sandbox_", first["gatewayRefundId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEqual(first["refundId"]!.GetValue<string>(), second["refundId"]!.GetValue<string>());
        await Problems.AssertAsync(third, 422, "refund_exceeds_paid", "amount");
        await Problems.AssertAsync(noAmount, 400, "validation_failed", "amount");
        Assert.Equal(("30.00", "30.00", 2), (refunded["amountRefunded"]!.GetValue<string>(), refunded["amountPaid"]!.GetValue<string>(), refunded["refunds"]!.AsArray().Count));
        Assert.Equal([fixture.Admin.ClientId, fixture.Admin.ClientId], refunded["history"]!.AsArray().Where(t => t!["cause"]!.GetValue<string>() == "refund")
            .Select(t => t!["actor"]!.GetValue<string>()));
        Assert.Equal("completed", Status(refunded));
    }

    [Fact]
    public async Task WireMoney_IsRecordedAsPaidBack_AndAnUnpaidOrderHasNothingToRefund()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        await SetTermsAsync(fixture.Admin, tenant, """{"creditLimit":null}""");
        var order = await PlaceAsync(tenant, Order(product, new { type = "invoice" }, quantity: 2));
        var unpaid = await PostRefundAsync(fixture.Admin, Id(order), "1.00");
        await PayAsync(fixture.Admin, Id(order), "20.00", "WIRE-7");

        var refund = await RefundAsync(fixture.Admin, Id(order), "5.00", "goodwill");

        await Problems.AssertAsync(unpaid, 422, "refund_exceeds_paid", "amount");
        Assert.Equal(("wire", "recorded", "goodwill"), (refund["method"]!.GetValue<string>(), refund["status"]!.GetValue<string>(), refund["reason"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ACardPaidOrderThatIsCancelled_IsRefundedInFull_WithoutAnyoneAsking()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var failing = await TestCatalog.PutVoucherAsync(fixture.Admin, delivery: "delayed", codePrefix: "FAILFUL-");
        await SaveCardAsync(tenant, "tok_visa");

        var order = await PlaceAsync(tenant, Order(failing, new { type = "card" }, quantity: 2));
        var cancelled = await WaitForAsync(tenant, Id(order), o => Status(o) == "cancelled" && o["refunds"]!.AsArray().All(r => r!["status"]!.GetValue<string>() != "pending"),
            TimeSpan.FromSeconds(30));

        var refund = Assert.Single(cancelled["refunds"]!.AsArray())!;
        Assert.Equal(("20.00", "card", "succeeded"), (refund["amount"]!.GetValue<string>(), refund["method"]!.GetValue<string>(), refund["status"]!.GetValue<string>()));
        Assert.Equal("20.00", cancelled["amountRefunded"]!.GetValue<string>());
    }
}
