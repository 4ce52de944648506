using static OrderSilo.Api.Tests.Orders.LifecycleTestSteps;
using static OrderSilo.Api.Tests.Trust.BalanceSteps;

namespace OrderSilo.Api.Tests.Trust;

/// <summary>
/// Prepaid balances, as voucher issuers buy: the operator tops up with money it received, orders draw the balance
/// down once each and never below zero, and cancelled or refunded orders give it back; every movement is listed.
/// </summary>
public sealed class PrepaidBalanceTests(SystemFixture fixture)
{
    [Fact]
    public async Task TheOperatorTopsUp_OrdersDrawItDown_AndAnOrderLargerThanTheBalanceIsRefused()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);

        var ownTopUp = await PostTopUpAsync(tenant, tenant.CompanyId, "100.00", "I-SAY-SO");
        var topUp = await TopUpAsync(fixture.Admin, tenant, "100.00", "WIRE-1");
        var sameAgain = await TopUpAsync(fixture.Admin, tenant, "100.00", "WIRE-1");
        var otherAmount = await PostTopUpAsync(fixture.Admin, tenant.CompanyId, "90.00", "WIRE-1");
        var noReference = await PostTopUpAsync(fixture.Admin, tenant.CompanyId, "90.00", "");
        var paid = await PlaceAsync(tenant, Order(product, PaidFromBalance, quantity: 6));
        var tooLarge = await tenant.Http.PostAsJsonAsync("/api/v1/orders", Order(product, PaidFromBalance, quantity: 5), TestContext.Current.CancellationToken);
        var balance = await BalanceAsync(tenant);
        var movements = await MovementsAsync(tenant);
        var firstPage = await MovementsAsync(tenant, "?limit=1");
        var secondPage = await MovementsAsync(tenant, "?limit=1&cursor=" + firstPage["nextCursor"]!.GetValue<string>());

        await Problems.AssertAsync(ownTopUp, 403, "forbidden");
        Assert.Equal(("top_up", "100.00", "100.00", fixture.Admin.ClientId),
            (topUp["kind"]!.GetValue<string>(), topUp["amount"]!.GetValue<string>(), topUp["balanceAfter"]!.GetValue<string>(), topUp["actor"]!.GetValue<string>()));
        Assert.Equal(topUp.ToJsonString(), sameAgain.ToJsonString());
        await Problems.AssertAsync(otherAmount, 409, "conflict", "reference");
        await Problems.AssertAsync(noReference, 400, "validation_failed", "reference");
        Assert.Equal(("completed", "balance", 6), (Status(paid), paid["paymentType"]!.GetValue<string>(), paid["vouchers"]!.AsArray().Count));
        await Problems.AssertAsync(tooLarge, 422, "insufficient_balance", "payment.type");
        Assert.Equal("40.00", balance);
        Assert.Equal(["order", "top_up"], Kinds(movements));
        Assert.Equal(("-60.00", "40.00", Id(paid)), (movements["data"]![0]!["amount"]!.GetValue<string>(),
            movements["data"]![0]!["balanceAfter"]!.GetValue<string>(), movements["data"]![0]!["orderId"]!.GetValue<string>()));
        Assert.Equal(["order"], Kinds(firstPage));
        Assert.Equal(["top_up"], Kinds(secondPage));
        Assert.Null(secondPage["nextCursor"]);
    }

    [Fact]
    public async Task ConcurrentOrders_DrawExactlyWhatTheBalanceHolds()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        await TopUpAsync(fixture.Admin, tenant, "100.00", "WIRE-1");

        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ =>
            tenant.Http.PostAsJsonAsync("/api/v1/orders", Order(product, PaidFromBalance), TestContext.Current.CancellationToken)));

        Assert.Equal(10, answers.Count(a => (int)a.StatusCode == 201));
        foreach (var refused in answers.Where(a => (int)a.StatusCode != 201))
            await Problems.AssertAsync(refused, 422, "insufficient_balance");
        Assert.Equal("0.00", await BalanceAsync(tenant));
        var movements = await MovementsAsync(tenant, "?limit=100");
        Assert.Equal(11, movements["data"]!.AsArray().Count);
        Assert.Equal(Enumerable.Range(1, 11).Reverse(), movements["data"]!.AsArray().Select(m => m!["sequence"]!.GetValue<int>()));
    }

    [Fact]
    public async Task ACancelledOrder_AndARefund_GiveTheBalanceBack()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var failing = await TestCatalog.PutVoucherAsync(fixture.Admin, delivery: "delayed", codePrefix: "FAILFUL-");
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        await TopUpAsync(fixture.Admin, tenant, "100.00", "WIRE-1");

        var delayed = await PlaceAsync(tenant, Order(failing, PaidFromBalance, quantity: 3));
        var drawn = await BalanceAsync(tenant);
        var cancelled = await WaitForAsync(tenant, Id(delayed), o => Status(o) == "cancelled" && o["refunds"]!.AsArray().All(r => r!["status"]!.GetValue<string>() != "pending"),
            TimeSpan.FromSeconds(30));
        var paid = await PlaceAsync(tenant, Order(product, PaidFromBalance, quantity: 5));
        var refund = await RefundAsync(fixture.Admin, Id(paid), "20.00", "two codes unused");
        var tooMuch = await PostRefundAsync(fixture.Admin, Id(paid), "30.01");
        var refunded = await GetAsync(tenant, Id(paid));

        Assert.Equal("70.00", drawn);
        var back = Assert.Single(cancelled["refunds"]!.AsArray())!;
        Assert.Equal(("30.00", "balance", "succeeded", "system"), (back["amount"]!.GetValue<string>(), back["method"]!.GetValue<string>(),
            back["status"]!.GetValue<string>(), back["actor"]!.GetValue<string>()));
        Assert.Equal(("20.00", "balance", "succeeded"), (refund["amount"]!.GetValue<string>(), refund["method"]!.GetValue<string>(), refund["status"]!.GetValue<string>()));
        await Problems.AssertAsync(tooMuch, 422, "refund_exceeds_paid", "amount");
        Assert.Equal(("20.00", "50.00"), (refunded["amountRefunded"]!.GetValue<string>(), refunded["amountPaid"]!.GetValue<string>()));
        Assert.Equal("70.00", await BalanceAsync(tenant));
        Assert.Equal(["refund", "order", "order_returned", "order", "top_up"], Kinds(await MovementsAsync(tenant)));
    }
}
