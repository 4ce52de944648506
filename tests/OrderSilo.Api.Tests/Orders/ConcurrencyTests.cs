using System.Collections.Concurrent;

namespace OrderSilo.Api.Tests.Orders;

public sealed class ConcurrencyTests(SystemFixture fixture)
{
    [Fact]
    public async Task Place_FiftyIdenticalRequestsAtOnce_CreatesOneOrderAndAllRepliesAgree()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var body = TestCatalog.Order(TestCatalog.NewPoNumber(), product, 2);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => tenant.Http.PostAsJsonAsync("/api/v1/orders", body)));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == 201));
        Assert.Equal(49, statuses.Count(s => s == 200));
        var orders = await Task.WhenAll(responses.Select(r => ApiSession.ReadJsonAsync(r, (int)r.StatusCode)));
        Assert.Single(orders.Select(o => o["orderId"]!.GetValue<string>()).Distinct());
        Assert.Single(orders.Select(o => o["vouchers"]!.ToJsonString()).Distinct());
        var stored = await OrderLedger.OrdersByPoNumberAsync(fixture.System.ConnectionString, tenant.AccountId);
        Assert.Single(stored);
    }

    [Fact]
    public async Task Place_ManyClientsWithOverlappingPoNumbers_CreatesExactlyOneOrderPerPoNumber()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        // Four API clients of one account, each with its own connections, racing over one pool of poNumbers.
        var clients = new List<HttpClient> { tenant.Http };
        for (var i = 0; i < 3; i++)
        {
            var created = await ApiSession.ReadJsonAsync(await fixture.Admin.Http.PostAsJsonAsync(
                $"/api/v1/admin/accounts/{tenant.AccountId}/clients", new { name = $"client {i}" }, TestContext.Current.CancellationToken), 201);
            var token = await ApiSession.RequestTokenAsync(fixture.System.ApiBaseAddress,
                created["clientId"]!.GetValue<string>(), created["clientSecret"]!.GetValue<string>());
            var http = new HttpClient { BaseAddress = fixture.System.ApiBaseAddress };
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            clients.Add(http);
        }
        var pool = Enumerable.Range(0, 40).Select(i => $"overlap-{Guid.NewGuid():N}-{i}").ToArray();
        var replies = new ConcurrentBag<(string Po, int Status, string OrderId)>();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(async worker =>
        {
            var random = new Random(worker);
            var http = clients[worker % clients.Count];
            for (var n = 0; n < 25; n++)
            {
                var po = pool[random.Next(pool.Length)];
                // The body is a function of the poNumber, so every request for one poNumber is "the same body".
                var response = await http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(po, product, 1 + (Array.IndexOf(pool, po) % 3)));
                var order = await ApiSession.ReadJsonAsync(response, (int)response.StatusCode);
                replies.Add((po, (int)response.StatusCode, order["orderId"]?.GetValue<string>() ?? $"problem {order}"));
            }
        }));

        foreach (var http in clients.Skip(1))
            http.Dispose();
        var stored = await OrderLedger.OrdersByPoNumberAsync(fixture.System.ConnectionString, tenant.AccountId);
        foreach (var group in replies.GroupBy(r => r.Po))
        {
            Assert.Equal(1, group.Count(r => r.Status == 201));
            Assert.All(group, r => Assert.True(r.Status is 200 or 201, $"{r.Po}: {r.Status} {r.OrderId}"));
            Assert.Equal([stored[group.Key].Single()], group.Select(r => r.OrderId).Distinct());
        }
        Assert.Equal(replies.Select(r => r.Po).Distinct().Count(), stored.Count);
    }
}
