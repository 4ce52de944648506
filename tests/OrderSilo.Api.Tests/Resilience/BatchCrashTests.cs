using OrderSilo.Api.Tests.Orders;

namespace OrderSilo.Api.Tests.Resilience;

/// <summary>An atomic batch whose silo dies between its two phases ends all placed or all given back, never half.</summary>
public sealed class BatchCrashTests
{
    private const string AfterPrepare = "OrderSilo__CrashPoints__AfterBatchPreparePoNumberPrefix";
    private const string AfterCommit = "OrderSilo__CrashPoints__AfterBatchCommitPoNumberPrefix";
    private static readonly string[] CommitPoNumbers = ["commit-1", "commit-2", "commit-3"];

    [Fact]
    public async Task CrashAfterTheCommitRecord_TheRetriedBatchPlacesEveryOrderOnce()
    {
        await using var system = await OrderSiloSystem.StartAsync("batchcommit", silos: 1, new Dictionary<string, string> { [AfterCommit] = "commit-" });
        using var admin = await ApiSession.ForAdminAsync(system);
        using var tenant = await admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(admin);
        await SetCreditLimitAsync(admin, tenant, "100.00");
        var records = CommitPoNumbers.Select(po => TestCatalog.Order(po, product)).ToArray();

        var first = await PostUntilSiloDiesAsync(system, tenant, records);
        var stranded = await OrderLedger.PendingClaimsAsync(system.ConnectionString, tenant.AccountId);
        await system.RestartSiloAsync(0, remove: [AfterCommit]);
        var retry = await RetryingClient.PostAsync(tenant.Http, "/api/v1/orders/batch", new { atomic = true, records }, TimeSpan.FromSeconds(90));

        Assert.Equal(503, first);
        Assert.Equal(CommitPoNumbers, stranded.Order(StringComparer.Ordinal));
        var answer = await ApiSession.ReadJsonAsync(retry.Response, 200);
        Assert.True(answer["status"]!.GetValue<bool>());
        var stored = await OrderLedger.OrdersByPoNumberAsync(system.ConnectionString, tenant.AccountId);
        Assert.Equal(
            answer["results"]!.AsArray().Select(r => r!["orderId"]!.GetValue<string>()),
            CommitPoNumbers.Select(po => Assert.Single(stored[po])));
        Assert.Empty(await OrderLedger.PendingClaimsAsync(system.ConnectionString, tenant.AccountId));
        Assert.Equal("70.00", await AvailableCreditAsync(tenant));
    }

    [Fact]
    public async Task CrashBeforeTheCommitRecord_TheSweeperGivesEveryClaimAndReservationBack()
    {
        var settings = new Dictionary<string, string>
        {
            [AfterPrepare] = "prepare-",
            ["OrderSilo__ClaimSweeper__Period"] = "00:00:05",
            ["OrderSilo__ClaimSweeper__Grace"] = "00:00:01",
            ["OrderSilo__Reminders__MinimumReminderPeriod"] = "00:00:01",
        };
        await using var system = await OrderSiloSystem.StartAsync("batchprepare", silos: 1, settings);
        using var admin = await ApiSession.ForAdminAsync(system);
        using var tenant = await admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(admin);
        await SetCreditLimitAsync(admin, tenant, "100.00");
        string[] pos = ["prepare-1", "prepare-2"];

        var first = await PostUntilSiloDiesAsync(system, tenant, [.. pos.Select(po => TestCatalog.Order(po, product))]);
        var stranded = await OrderLedger.PendingClaimsAsync(system.ConnectionString, tenant.AccountId);
        await system.RestartSiloAsync(0, remove: [AfterPrepare]);
        await WaitUntilNoClaimsAsync(system, tenant.AccountId, TimeSpan.FromSeconds(60));

        Assert.Equal(503, first);
        Assert.Equal(pos, stranded.Order(StringComparer.Ordinal));
        Assert.Empty(await OrderLedger.OrdersByPoNumberAsync(system.ConnectionString, tenant.AccountId));
        Assert.Equal("100.00", await AvailableCreditAsync(tenant));
        // Given back: the poNumbers take other bodies now.
        foreach (var po in pos)
            Assert.Equal(201, (await RetryingClient.PlaceAsync(tenant.Http, TestCatalog.Order(po, product, 2), TimeSpan.FromSeconds(30))).Status);
    }

    private static async Task<int> PostUntilSiloDiesAsync(OrderSiloSystem system, ApiSession tenant, object[] records)
    {
        var response = await OrderBatchTests.PostBatchAsync(tenant, true, records);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!system.Silos[0].HasExited)
            await Task.Delay(100, wait.Token);
        return (int)response.StatusCode;
    }

    private static async Task WaitUntilNoClaimsAsync(OrderSiloSystem system, string accountId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while ((await OrderLedger.PendingClaimsAsync(system.ConnectionString, accountId)).Count > 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The sweeper did not release the batch's claims within {timeout}.\n{system.RecentOutput()}");
            await Task.Delay(500);
        }
    }

    private static async Task SetCreditLimitAsync(ApiSession admin, ApiSession tenant, string limit) =>
        await ApiSession.ReadJsonAsync(await admin.Http.PatchAsync(new Uri($"/api/v1/admin/companies/{tenant.CompanyId}", UriKind.Relative),
            new StringContent($$"""{"creditLimit":"{{limit}}"}""", System.Text.Encoding.UTF8, "application/json")), 200);

    private static async Task<string> AvailableCreditAsync(ApiSession tenant) =>
        (await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri($"/api/v1/companies/{tenant.CompanyId}", UriKind.Relative)), 200))["availableCredit"]!.GetValue<string>();
}
