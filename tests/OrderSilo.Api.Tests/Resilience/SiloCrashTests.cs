using System.Collections.Concurrent;
using System.Diagnostics;

namespace OrderSilo.Api.Tests.Resilience;

/// <summary>Real silo processes killed with SIGKILL while orders stream in: nothing acknowledged is lost or doubled.</summary>
public sealed class SiloCrashTests(ITestOutputHelper output)
{
    private const string CrashPoint = "OrderSilo__CrashPoints__AfterClaimPoNumberPrefix";

    [Fact]
    public async Task KillingASiloMidStream_LosesAndDuplicatesNoAcknowledgedOrder()
    {
        await using var system = await OrderSiloSystem.StartAsync("crash", silos: 2);
        using var admin = await ApiSession.ForAdminAsync(system);
        using var tenant = await admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(admin);
        var acknowledged = new ConcurrentDictionary<string, RetryingClient.Acknowledgement>();
        var stop = Stopwatch.StartNew();

        var stream = Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            for (var n = 0; stop.Elapsed < TimeSpan.FromSeconds(12); n++)
            {
                var po = $"stream-{worker}-{n}";
                acknowledged[po] = await RetryingClient.PlaceAsync(tenant.Http, TestCatalog.Order(po, product), TimeSpan.FromSeconds(90));
            }
        }));
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        var before = acknowledged.Count;
        await system.Silos[0].KillAsync();
        await stream;

        var unavailable = acknowledged.Values.Sum(a => a.Unavailable);
        output.WriteLine($"{acknowledged.Count} orders acknowledged ({before} before the kill); {unavailable} answers were 503 or a broken connection, all retried");
        Assert.True(acknowledged.Count > before, "Orders kept being placed after the kill.");
        var stored = await OrderLedger.OrdersByPoNumberAsync(system.ConnectionString, tenant.AccountId);
        Assert.Equal(acknowledged.Count, stored.Count);
        foreach (var (po, ack) in acknowledged)
            Assert.Equal([ack.OrderId], stored[po]);
        Assert.Equal(acknowledged.Count, await OrderLedger.StoredOrderCountAsync(system.ConnectionString, tenant.AccountId));

        // Every client retrying every poNumber once more converges on the same orders.
        foreach (var (po, ack) in acknowledged)
        {
            var retry = await RetryingClient.PlaceAsync(tenant.Http, TestCatalog.Order(po, product), TimeSpan.FromSeconds(30));
            Assert.Equal((200, ack.OrderId), (retry.Status, retry.OrderId));
        }
    }

    [Fact]
    public async Task CrashBetweenClaimAndOrder_TheRetryCompletesTheOneOrder()
    {
        var crashing = new Dictionary<string, string> { [CrashPoint] = "crash-" };
        await using var system = await OrderSiloSystem.StartAsync("claimcrash", silos: 1, crashing);
        using var admin = await ApiSession.ForAdminAsync(system);
        using var tenant = await admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(admin);
        var body = TestCatalog.Order("crash-1", product, 2);

        var first = await SendUntilSiloDiesAsync(system, tenant, body);
        var pending = await OrderLedger.PendingClaimsAsync(system.ConnectionString, tenant.AccountId);
        await system.RestartSiloAsync(0, remove: [CrashPoint]);
        var retry = await RetryingClient.PlaceAsync(tenant.Http, body, TimeSpan.FromSeconds(90));

        Assert.Equal(503, first);
        Assert.Equal(["crash-1"], pending);
        Assert.Equal(201, retry.Status);
        var stored = await OrderLedger.OrdersByPoNumberAsync(system.ConnectionString, tenant.AccountId);
        Assert.Equal([retry.OrderId], stored["crash-1"]);
        Assert.Empty(await OrderLedger.PendingClaimsAsync(system.ConnectionString, tenant.AccountId));
    }

    [Fact]
    public async Task CrashBetweenClaimAndOrder_WithNoRetry_TheSweeperCompletesTheOrder()
    {
        var settings = new Dictionary<string, string>
        {
            [CrashPoint] = "crash-",
            ["OrderSilo__ClaimSweeper__Period"] = "00:00:05",
            ["OrderSilo__ClaimSweeper__Grace"] = "00:00:01",
            ["OrderSilo__Reminders__MinimumReminderPeriod"] = "00:00:01",
        };
        await using var system = await OrderSiloSystem.StartAsync("sweeper", silos: 1, settings);
        using var admin = await ApiSession.ForAdminAsync(system);
        using var tenant = await admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(admin);
        var body = TestCatalog.Order("crash-2", product);

        await SendUntilSiloDiesAsync(system, tenant, body);
        await system.RestartSiloAsync(0, remove: [CrashPoint]);
        var stored = await WaitForOrderAsync(system, tenant.AccountId, "crash-2", TimeSpan.FromSeconds(60));
        var replay = await RetryingClient.PlaceAsync(tenant.Http, body, TimeSpan.FromSeconds(30));

        Assert.Equal((200, stored), (replay.Status, replay.OrderId));
    }

    private static async Task<int> SendUntilSiloDiesAsync(OrderSiloSystem system, ApiSession tenant, object body)
    {
        var response = await tenant.Http.PostAsJsonAsync("/api/v1/orders", body);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!system.Silos[0].HasExited)
            await Task.Delay(100, wait.Token);
        return (int)response.StatusCode;
    }

    private static async Task<string> WaitForOrderAsync(OrderSiloSystem system, string accountId, string po, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if ((await OrderLedger.OrdersByPoNumberAsync(system.ConnectionString, accountId)).TryGetValue(po, out var ids))
                return Assert.Single(ids);
            await Task.Delay(500);
        }
        throw new TimeoutException($"The sweeper did not complete '{po}' within {timeout}.\n{system.RecentOutput()}");
    }
}
