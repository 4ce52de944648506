using System.Collections.Concurrent;

namespace OrderSilo.Api.Tests.Resilience;

/// <summary>
/// Grain calls fail at random inside real silos (tests/OrderSilo.FaultInjection), the ways a churning cluster or a
/// library makes them fail, before or after the grain did its work: an InvalidOperationException, an
/// ObjectDisposedException, an exception type without a codec, Orleans' placement timeout wrapping Polly's. The API
/// answers each placement with its order (201, or 200 when an earlier attempt had placed it) or 503 with
/// Retry-After, never 500, and every acknowledged order is stored once. A grain's programming error is a 500.
/// </summary>
public sealed class GrainFaultTests(FaultySystemFixture fixture) : IClassFixture<FaultySystemFixture>
{
    private const int Workers = 6;
    private const int OrdersPerWorker = 25;
    private readonly OrderSiloSystem _system = fixture.System;
    private readonly ApiSession _admin = fixture.Admin;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Placements_WhileGrainCallsFailAtRandom_AnswerTheOrderOr503_AndStoreEachOrderOnce()
    {
        using var tenant = await _admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(_admin);
        var statuses = new ConcurrentDictionary<int, int>();
        var acknowledged = new ConcurrentDictionary<string, string>();

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; n < OrdersPerWorker; n++)
            {
                var po = $"{GrainFaults.Marker[1..]}{worker}-{n}";
                var placed = await UntilAnsweredAsync(statuses, () => tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(po, product), Cancel));
                acknowledged[po] = placed["orderId"]!.GetValue<string>();
            }
        }, Cancel)));
        foreach (var (po, orderId) in acknowledged)
        {
            var again = await UntilAnsweredAsync(statuses, () => tenant.Http.GetAsync(new Uri($"/api/v1/orders/by-po/{po}", UriKind.Relative), Cancel));
            Assert.Equal(orderId, again["orderId"]!.GetValue<string>());
        }

        var injected = GrainFaults.Injected(_system);
        TestContext.Current.TestOutputHelper?.WriteLine("answers: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value}")));
        TestContext.Current.TestOutputHelper?.WriteLine("faults: " + string.Join(", ", injected.OrderBy(f => f.Key).Select(f => $"{f.Key} × {f.Value}")));
        foreach (var kind in (string[])["invalid-operation", "object-disposed", "codec-less", "placement-timeout"])
        {
            foreach (var when in (string[])["before", "after"])
                Assert.True(injected.GetValueOrDefault($"{kind} {when}") > 0, $"no {kind} fault {when} a grain call was injected");
        }
        var stored = await OrderLedger.OrdersByPoNumberAsync(_system.ConnectionString, tenant.AccountId);
        Assert.Equal(Workers * OrdersPerWorker, acknowledged.Count);
        Assert.Equal(acknowledged.Count, stored.Count);
        foreach (var (po, orderId) in acknowledged)
            Assert.Equal([orderId], stored[po]);
        Assert.Equal(acknowledged.Count, await OrderLedger.StoredOrderCountAsync(_system.ConnectionString, tenant.AccountId));
    }

    [Fact]
    public async Task AProgrammingErrorInAGrain_Answers500_AndTheHostLogsItsType()
    {
        using var tenant = await _admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(_admin);

        var response = await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order($"{GrainFaults.BugMarker[1..]}1", product), Cancel);

        await Problems.AssertAsync(response, 500, "internal_error");
        Assert.Contains(_system.AllOutput(), l => l.Host == "api" && l.Line.Contains("Unexpected System.ArgumentException", StringComparison.Ordinal));
        // Asked once: a programming error is not retried.
        Assert.Equal(1, GrainFaults.Injected(_system).GetValueOrDefault("argument before"));
    }

    /// <summary>Sends until the answer is not 503 (which must carry Retry-After); anything but 200 or 201 fails the test.</summary>
    private static async Task<JsonObject> UntilAnsweredAsync(ConcurrentDictionary<int, int> statuses, Func<Task<HttpResponseMessage>> send)
    {
        while (true)
        {
            using var response = await send();
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, count) => count + 1);
            if (status == 503)
            {
                Assert.NotNull(response.Headers.RetryAfter);
                await Task.Delay(200, Cancel);
                continue;
            }
            Assert.True(status is 200 or 201, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {status}: {await response.Content.ReadAsStringAsync(Cancel)}");
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!.AsObject();
        }
    }
}
