using System.Text.Json.Nodes;
using static OrderSilo.Api.Tests.Orders.LifecycleTestSteps;

namespace OrderSilo.Api.Tests.Resilience;

/// <summary>
/// Payment terms on the real cluster, with a payment-term day of one or two seconds: a deadline that passes while
/// the silo is down, and payments racing the deadline.
/// </summary>
public sealed class PaymentExpiryTests(ITestOutputHelper output)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Settings(string day) => new()
    {
        ["OrderSilo__Lifecycle__PaymentTermDay"] = day,
        ["OrderSilo__Lifecycle__ReminderPeriod"] = "00:00:01",
        ["OrderSilo__Reminders__MinimumReminderPeriod"] = "00:00:01",
    };

    [Fact]
    public async Task ADeadlinePassingWhileTheSiloIsDown_CancelsTheOrderOnce_WhenItIsBack()
    {
        await using var system = await OrderSiloSystem.StartAsync("expiry", silos: 1, Settings("00:00:02"));
        using var admin = await ApiSession.ForAdminAsync(system);
        using var tenant = await admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(admin);
        await SetTermsAsync(admin, tenant, """{"creditLimit":"100.00","paymentTermsDays":3}""");
        var order = await PlaceAsync(tenant, Order(product, new { type = "invoice" }, 2));
        var due = DateTimeOffset.Parse(order["paymentDueAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

        await system.Silos[0].KillAsync();
        var downUntil = due + TimeSpan.FromSeconds(3);
        await Task.Delay(downUntil - DateTimeOffset.UtcNow, Cancel);
        await system.RestartSiloAsync(0);
        // No client asks about the order: the reminder alone must find it overdue.
        var cancelled = await WaitForReadModelAsync(system, Id(order), o => o["status"]!.GetValue<string>() == "cancelled", TimeSpan.FromSeconds(60));

        Assert.Equal("awaiting_payment", Status(order));
        Assert.Equal("payment_overdue", cancelled["cancelReason"]!.GetValue<string>());
        Assert.Equal(["placed", "payment_overdue"], Causes(cancelled));
        Assert.True(DateTimeOffset.Parse(cancelled["cancelledAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) >= due);
        Assert.Equal("100.00", await AvailableCreditAsync(tenant));
    }

    [Fact]
    public async Task PaymentsRacingTheDeadline_EachOrderHasOneOutcome_AndTheCreditAddsUp()
    {
        await using var system = await OrderSiloSystem.StartAsync("paymentrace", silos: 2, Settings("00:00:01"));
        using var admin = await ApiSession.ForAdminAsync(system);
        using var tenant = await admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(admin);
        await SetTermsAsync(admin, tenant, """{"creditLimit":"1000.00","paymentTermsDays":2}""");
        var (paid, expired) = (0, 0);

        for (var round = 0; round < 3; round++)
        {
            var orders = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => PlaceAsync(tenant, Order(product, new { type = "invoice" }))));
            var due = orders.Select(o => DateTimeOffset.Parse(o["paymentDueAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).Min();
            // Aim the payments at the deadline, spread over a quarter second either side of it.
            var wait = due - DateTimeOffset.UtcNow - TimeSpan.FromMilliseconds(250);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, Cancel);
            var payments = await Task.WhenAll(orders.Select(async (o, i) =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(i * 40), Cancel);
                return await PostPaymentAsync(admin, Id(o), "10.00", "race");
            }));

            for (var i = 0; i < orders.Length; i++)
            {
                var status = (int)payments[i].StatusCode;
                var final = await GetAsync(tenant, Id(orders[i]));
                var stored = (await OrderLedger.OrderAsync(system.ConnectionString, Id(orders[i])))!;
                Assert.Equal(Status(final), stored["status"]!.GetValue<string>());
                if (status == 200)
                {
                    paid++;
                    Assert.Equal("completed", Status(final));
                    Assert.Equal(["placed", "paid"], Causes(final));
                }
                else
                {
                    expired++;
                    await Problems.AssertAsync(payments[i], 409, "invalid_state");
                    Assert.Equal("cancelled", Status(final));
                    Assert.Equal(["placed", "payment_overdue"], Causes(final));
                    Assert.Empty(final["payments"]!.AsArray());
                }
            }
            // Paid or cancelled, no order holds credit any more.
            Assert.Equal("1000.00", await AvailableCreditAsync(tenant));
        }
        output.WriteLine($"{paid} payments won, {expired} deadlines won");
        Assert.Equal(36, paid + expired);
    }

    private static async Task<JsonObject> WaitForReadModelAsync(OrderSiloSystem system, string orderId, Func<JsonObject, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var order = await OrderLedger.OrderAsync(system.ConnectionString, orderId);
            if (order is not null && done(order))
                return order;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Order {orderId} did not change in {timeout}: {order?.ToJsonString()}\n{system.RecentOutput()}");
            await Task.Delay(250, Cancel);
        }
    }
}
