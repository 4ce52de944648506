namespace OrderSilo.Api.Tests.Orders;

/// <summary><c>POST /api/v1/orders/batch</c>: records that stand alone, and atomic batches that are all or nothing.</summary>
public sealed class OrderBatchTests(SystemFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithoutAtomic_EachRecordStandsAlone_AndAnswersInOrder()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var pos = PoNumbers(3);

        var answer = await ApiSession.ReadJsonAsync(await PostBatchAsync(tenant, false,
            TestCatalog.Order(pos[0], product), TestCatalog.Order(pos[1], product, 1, "11.00"), TestCatalog.Order(pos[2], product)), 200);

        var results = answer["results"]!.AsArray();
        Assert.False(answer["status"]!.GetValue<bool>());
        Assert.Equal([201, 422, 201], results.Select(r => r!["status"]!.GetValue<int>()));
        Assert.Equal(pos, results.Select(r => r!["poNumber"]!.GetValue<string>()));
        Assert.Equal("invalid_denomination", results[1]!["code"]!.GetValue<string>());
        var stored = await OrderLedger.OrdersByPoNumberAsync(fixture.System.ConnectionString, tenant.AccountId);
        Assert.Equal(new HashSet<string> { pos[0], pos[2] }, stored.Keys.ToHashSet());
        Assert.Equal(results[0]!["orderId"]!.GetValue<string>(), Assert.Single(stored[pos[0]]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ARetriedBatch_ReplaysEveryRecord(bool atomic)
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var orders = PoNumbers(4).Select(po => TestCatalog.Order(po, product, 2)).ToArray();

        var first = await ApiSession.ReadJsonAsync(await PostBatchAsync(tenant, atomic, orders), 200);
        var again = await ApiSession.ReadJsonAsync(await PostBatchAsync(tenant, atomic, orders), 200);

        Assert.True(first["status"]!.GetValue<bool>());
        Assert.All(first["results"]!.AsArray(), r => Assert.Equal((201, false), (r!["status"]!.GetValue<int>(), r["replayed"]!.GetValue<bool>())));
        Assert.All(again["results"]!.AsArray(), r => Assert.Equal((200, true), (r!["status"]!.GetValue<int>(), r["replayed"]!.GetValue<bool>())));
        Assert.Equal(OrderIds(first), OrderIds(again));
        Assert.Equal(2, first["results"]![0]!["order"]!["vouchers"]!.AsArray().Count);
        Assert.Equal(4, await OrderLedger.StoredOrderCountAsync(fixture.System.ConnectionString, tenant.AccountId));
    }

    [Fact]
    public async Task Atomic_OneRefusedRecord_PlacesNothing_NamesIt_AndLeavesEveryPoNumberFree()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var pos = PoNumbers(3);

        var refused = await PostBatchAsync(tenant, true,
            TestCatalog.Order(pos[0], product), TestCatalog.Order(pos[1], product), TestCatalog.Order(pos[2], product, 1, "11.00"));

        var problem = await Problems.AssertAsync(refused, 422, "invalid_denomination");
        Assert.Equal(["records[2].lineItems[0].denomination"], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Empty(await OrderLedger.OrdersByPoNumberAsync(fixture.System.ConnectionString, tenant.AccountId));
        Assert.Empty(await OrderLedger.PendingClaimsAsync(fixture.System.ConnectionString, tenant.AccountId));
        // The claims were given back: the same poNumbers take other bodies now.
        foreach (var po in pos)
            await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(po, product, 3), Cancel), 201);
    }

    [Fact]
    public async Task Atomic_OverTheCreditLimit_PlacesNothing_AndGivesEveryReservationBack()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        await SetCreditLimitAsync(tenant, "50.00");
        var tooMany = PoNumbers(6).Select(po => TestCatalog.Order(po, product)).ToArray();
        var justEnough = PoNumbers(5).Select(po => TestCatalog.Order(po, product)).ToArray();

        var refused = await PostBatchAsync(tenant, true, tooMany);
        var creditAfterRefusal = await AvailableCreditAsync(tenant);
        var placed = await ApiSession.ReadJsonAsync(await PostBatchAsync(tenant, true, justEnough), 200);

        await Problems.AssertAsync(refused, 422, "credit_limit_exceeded");
        Assert.Equal("50.00", creditAfterRefusal);
        Assert.True(placed["status"]!.GetValue<bool>());
        Assert.Equal("0.00", await AvailableCreditAsync(tenant));
        Assert.Equal(5, await OrderLedger.StoredOrderCountAsync(fixture.System.ConnectionString, tenant.AccountId));
    }

    [Fact]
    public async Task Atomic_WithAPoNumberUsedBefore_ReplaysTheSameBody_AndRefusesAnotherOne()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var pos = PoNumbers(3);
        var earlier = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(pos[0], product), Cancel), 201);

        var reused = await PostBatchAsync(tenant, true, TestCatalog.Order(pos[0], product, 2), TestCatalog.Order(pos[1], product));
        var withReplay = await ApiSession.ReadJsonAsync(await PostBatchAsync(tenant, true, TestCatalog.Order(pos[0], product), TestCatalog.Order(pos[2], product)), 200);

        await Problems.AssertAsync(reused, 422, "po_number_reused", "records[0].poNumber");
        Assert.False((await OrderLedger.OrdersByPoNumberAsync(fixture.System.ConnectionString, tenant.AccountId)).ContainsKey(pos[1]));
        var results = withReplay["results"]!.AsArray();
        Assert.Equal([200, 201], results.Select(r => r!["status"]!.GetValue<int>()));
        Assert.Equal(earlier["orderId"]!.GetValue<string>(), results[0]!["orderId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConcurrentAtomicBatches_SharingPoNumbers_EachPlaceAllOrNone()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var shared = PoNumbers(3);
        // Eight batches, each of the three shared poNumbers with its own quantity (so the bodies differ) and two of its own.
        var batches = Enumerable.Range(0, 8).Select(b => shared.Concat(PoNumbers(2)).Select(po => (Po: po, Body: TestCatalog.Order(po, product, 1 + (b % 2)))).ToArray()).ToArray();

        var responses = await Task.WhenAll(batches.Select(b => PostBatchAsync(tenant, true, [.. b.Select(r => r.Body)])));

        var stored = await OrderLedger.OrdersByPoNumberAsync(fixture.System.ConnectionString, tenant.AccountId);
        var placedBatches = 0;
        for (var b = 0; b < batches.Length; b++)
        {
            var own = batches[b].Skip(shared.Count).Select(r => r.Po).ToList();
            if ((int)responses[b].StatusCode == 200)
            {
                placedBatches++;
                Assert.All(own, po => Assert.True(stored.ContainsKey(po), $"batch {b} answered 200 but {po} has no order"));
            }
            else
            {
                Assert.True((int)responses[b].StatusCode is 409 or 422, $"batch {b}: {(int)responses[b].StatusCode}");
                Assert.All(own, po => Assert.False(stored.ContainsKey(po), $"batch {b} was refused but {po} has an order"));
            }
        }
        Assert.InRange(placedBatches, 1, batches.Length);
        Assert.All(shared, po => Assert.Single(stored[po]));
        Assert.Empty(await OrderLedger.PendingClaimsAsync(fixture.System.ConnectionString, tenant.AccountId));
    }

    [Fact]
    public async Task ABadRecord_RefusesTheWholeRequest_NamingTheRecordsField()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var pos = PoNumbers(2);

        var missingLines = await PostBatchAsync(tenant, false, TestCatalog.Order(pos[0], product), new { poNumber = pos[1] });
        var twice = await PostBatchAsync(tenant, false, TestCatalog.Order(pos[0], product), TestCatalog.Order(pos[0], product));
        var tooMany = await PostBatchAsync(tenant, false, [.. PoNumbers(101).Select(po => TestCatalog.Order(po, product))]);
        var none = await PostBatchAsync(tenant, false);

        await Problems.AssertAsync(missingLines, 400, "validation_failed", "records[1].lineItems");
        await Problems.AssertAsync(twice, 400, "validation_failed", "records[1].poNumber");
        await Problems.AssertAsync(tooMany, 400, "validation_failed", "records");
        await Problems.AssertAsync(none, 400, "validation_failed", "records");
        Assert.Empty(await OrderLedger.OrdersByPoNumberAsync(fixture.System.ConnectionString, tenant.AccountId));
    }

    [Fact]
    public async Task AnotherTenantsCompany_IsNotFound_InABatch()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        using var other = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var po = TestCatalog.NewPoNumber();

        var refused = await PostBatchAsync(tenant, true, new
        {
            poNumber = po,
            companyId = other.CompanyId,
            lineItems = new[] { new { productId = product, quantity = 1, denomination = "10.00" } },
        });

        await Problems.AssertAsync(refused, 404, "not_found", "records[0].companyId");
        Assert.Empty(await OrderLedger.OrdersByPoNumberAsync(fixture.System.ConnectionString, other.AccountId));
    }

    internal static async Task<HttpResponseMessage> PostBatchAsync(ApiSession tenant, bool atomic, params object[] records) =>
        await tenant.Http.PostAsJsonAsync("/api/v1/orders/batch", new { atomic, records }, Cancel);

    internal static List<string> PoNumbers(int count) => [.. Enumerable.Range(0, count).Select(_ => TestCatalog.NewPoNumber())];

    private static List<string> OrderIds(JsonObject answer) => [.. answer["results"]!.AsArray().Select(r => r!["orderId"]!.GetValue<string>())];

    private async Task SetCreditLimitAsync(ApiSession tenant, string limit) =>
        await ApiSession.ReadJsonAsync(await fixture.Admin.Http.PatchAsync(new Uri($"/api/v1/admin/companies/{tenant.CompanyId}", UriKind.Relative),
            new StringContent($$"""{"creditLimit":"{{limit}}"}""", System.Text.Encoding.UTF8, "application/json"), Cancel), 200);

    private static async Task<string> AvailableCreditAsync(ApiSession tenant) =>
        (await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri($"/api/v1/companies/{tenant.CompanyId}", UriKind.Relative), Cancel), 200))["availableCredit"]!.GetValue<string>();
}
