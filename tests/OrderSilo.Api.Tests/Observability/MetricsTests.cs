using System.Globalization;
using System.Text.RegularExpressions;

namespace OrderSilo.Api.Tests.Observability;

/// <summary>GET /metrics on the API host and on each silo: Prometheus text, for the operator only on the API host.</summary>
public sealed partial class MetricsTests(SystemFixture fixture) : IDisposable
{
    private readonly HttpClient _anonymous = new() { BaseAddress = fixture.System.ApiBaseAddress };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _anonymous.Dispose();

    [Fact]
    public async Task Metrics_WithoutToken_Answers401_AndWithATenantToken403()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();

        await Problems.AssertAsync(await _anonymous.GetAsync(new Uri("/metrics", UriKind.Relative), Cancel), 401, "unauthorized");
        await Problems.AssertAsync(await tenant.Http.GetAsync(new Uri("/metrics", UriKind.Relative), Cancel), 403, "forbidden");
    }

    [Fact]
    public async Task Metrics_ForTheOperator_CountOrdersByOutcomeAndShowLatencyPoolAndGrainCalls()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var before = await ScrapeAsync();
        var (first, second) = (TestCatalog.NewPoNumber(), TestCatalog.NewPoNumber());

        await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(first, product), Cancel), 201);
        await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(second, product), Cancel), 201);
        await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(first, product), Cancel), 200);
        await Problems.AssertAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(first, product, 2), Cancel), 422, "po_number_reused");
        var after = await ScrapeAsync();

        // Other tests place orders at the same time: the counters grew by at least this test's own.
        Assert.True(Value(after, "ordersilo_orders_placed_total") - Value(before, "ordersilo_orders_placed_total") >= 2, after);
        Assert.True(Value(after, "ordersilo_orders_replayed_total") - Value(before, "ordersilo_orders_replayed_total") >= 1, after);
        Assert.True(Value(after, "ordersilo_orders_rejected_total", "code=\"po_number_reused\"")
            - Value(before, "ordersilo_orders_rejected_total", "code=\"po_number_reused\"") >= 1, after);
        Assert.True(Value(after, "ordersilo_orders_placement_duration_seconds_count", "outcome=\"created\"") >= 2, after);
        // PostgreSQL pool use (Npgsql), grain calls (Orleans' client) and HTTP requests (ASP.NET Core).
        Assert.Matches(ConnectionCount(), after);
        Assert.Contains("orleans_app_requests_latency_milliseconds_bucket", after);
        Assert.Contains("http_server_request_duration_seconds_bucket", after);
    }

    [Fact]
    public async Task SiloMetrics_ShowStorageLatenciesOfTheOrderPathAndOfOrleansState()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(TestCatalog.NewPoNumber(), product), Cancel), 201);

        // Grains of one order may live on either silo: read both.
        var text = "";
        foreach (var silo in fixture.System.SiloMetrics)
        {
            var response = await _anonymous.GetAsync(silo, Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text += await response.Content.ReadAsStringAsync(Cancel);
        }

        Assert.Matches(StorageWrite("poNumber"), text);
        Assert.Matches(StorageWrite("order"), text);
        Assert.Contains("orleans_storage_read_latency_milliseconds_bucket", text);
        Assert.Contains("orleans_app_requests_latency_milliseconds_bucket", text);
        Assert.Matches(ConnectionCount(), text);
    }

    [Fact]
    public async Task OperatorEndpoints_AreNotInTheOpenApiDocument()
    {
        var document = await ApiSession.ReadJsonAsync(await _anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancel), 200);

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.DoesNotContain(paths, p => p.StartsWith("/metrics", StringComparison.Ordinal) || p.StartsWith("/dashboard", StringComparison.Ordinal));
    }

    private async Task<string> ScrapeAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = fixture.Admin.Http.DefaultRequestHeaders.Authorization;
        var response = await fixture.Admin.Http.SendAsync(request, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    /// <summary>The sum of the series of <paramref name="metric"/> that have all <paramref name="labels"/> (0 when none is there yet).</summary>
    private static double Value(string text, string metric, params string[] labels) =>
        text.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            .Where(line => labels.All(label => line.Contains(label, StringComparison.Ordinal)))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    /// <summary>Successful writes of one state through the order path's storage calls, at least one.</summary>
    private static Regex StorageWrite(string state) =>
        new($"ordersilo_storage_duration_seconds_count\\{{(?=[^}}]*state=\"{state}\")(?=[^}}]*operation=\"write\")(?=[^}}]*outcome=\"ok\")[^}}]*\\}} [1-9]");

    [GeneratedRegex("db_client_connection_count\\{[^}]*db_client_connection_state=\"(idle|used)\"[^}]*\\} \\d")]
    private static partial Regex ConnectionCount();
}
