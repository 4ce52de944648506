using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;

namespace OrderSilo.Api.Tests.Resilience;

/// <summary>
/// Issue 7's operator: a steady stream of orders through two API hosts while a silo joins and leaves, every silo is
/// restarted in turn, an API host is restarted, and a silo is killed. Graceful steps fail no request; the kill may
/// fail some with 503 (retried); every acknowledged order exists once and every poNumber converges. The clients
/// act as behind a load balancer: a request that got no answer at all goes to the next host.
/// </summary>
public sealed class ElasticClusterTests(ITestOutputHelper output)
{
    private readonly List<Step> _steps = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>What the clients saw while one step ran.</summary>
    private sealed class Step(string name)
    {
        public string Name { get; } = name;
        public int Placed;
        public int Unavailable;   // 503 or no answer in time
        public int Failed;
        public int Rerouted;
        public long SlowestMs;      // the slowest single request that succeeded
        public long LongestWaitMs;  // the longest a poNumber waited for its order, over every attempt
    }

    [Fact]
    public async Task OrdersKeepFlowing_ThroughJoinsLeavesRestartsAndAKill()
    {
        // A call lost with its stopping silo is given up on after 5 s (not Orleans' 30 s) and retried.
        var siloSettings = new Dictionary<string, string> { ["OrderSilo__SiloMessaging__ResponseTimeout"] = "00:00:05" };
        var apiSettings = new Dictionary<string, string> { ["Api__GrainCallTimeout"] = "00:00:05", ["Api__ClusterRetryBudget"] = "00:00:30" };
        await using var system = await OrderSiloSystem.StartAsync("elastic", silos: 2, siloSettings, apiSettings, keepAllOutput: true);
        try
        {
            await StreamThroughEveryStepAsync(system);
        }
        catch (Exception error)
        {
            // Whatever failed and in whichever phase, say what the clients saw and what the hosts logged as unexpected.
            PrintSteps();
            var unexpected = system.AllOutput().Where(l => l.Line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal)).ToList();
            foreach (var (host, line) in unexpected.Take(200))
                output.WriteLine($"{host}: {line}");
            throw new InvalidOperationException(
                $"{error.Message}\n{unexpected.Count} error lines from the hosts, the first ones:\n" + string.Join('\n', unexpected.Take(10).Select(l => $"{l.Host}: {l.Line}")), error);
        }
    }

    private async Task StreamThroughEveryStepAsync(OrderSiloSystem system)
    {
        using var admin = await ApiSession.ForAdminAsync(system);
        using var tenant = await admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(admin);
        var (_, second) = await system.StartAnotherApiAsync();
        Uri[] hosts = [system.ApiBaseAddress, second];
        var acknowledged = new ConcurrentDictionary<string, string>();
        var step = new Step("steady");
        _steps.Add(step);
        using var stop = new CancellationTokenSource();

        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            using var clients = new HttpClients(hosts, tenant.Http.DefaultRequestHeaders.Authorization!);
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var po = $"elastic-{worker}-{n}";
                var orderId = await PlaceUntilAcknowledgedAsync(clients, worker + n, TestCatalog.Order(po, product), () => step);
                acknowledged[po] = orderId;
            }
        })).ToList();

        async Task RunStepAsync(string name, Func<Task> action)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
            step = new Step(name);
            _steps.Add(step);
            await action();
            await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        }

        await RunStepAsync("a third silo joins", async () =>
        {
            system.AddSilo();
            await system.WaitUntilSiloIsUpAsync(2, TimeSpan.FromSeconds(60));
        });
        await RunStepAsync("the third silo leaves gracefully", () => system.Silos[2].StopAsync(TimeSpan.FromSeconds(30)));
        await RunStepAsync("rolling restart of the silos", async () =>
        {
            foreach (var index in (int[])[0, 1])
            {
                await system.Silos[index].StopAsync(TimeSpan.FromSeconds(30));
                await system.RestartSiloAsync(index);
                await system.WaitUntilSiloIsUpAsync(index, TimeSpan.FromSeconds(60));
            }
        });
        await RunStepAsync("an API host restarts gracefully", async () =>
        {
            await StopApiAsync(system, hosts[1]);
            await system.StartAnotherApiAsync(hosts[1]);
        });
        var killed = Stopwatch.StartNew();
        await RunStepAsync("a silo is killed (SIGKILL) and restarted", async () =>
        {
            await system.Silos[0].KillAsync();
            await system.RestartSiloAsync(0);
            await system.WaitUntilSiloIsUpAsync(0, TimeSpan.FromSeconds(60));
        });
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        PrintSteps();
        Assert.All(_steps.Take(_steps.Count - 1), s => Assert.True(s.Failed + s.Unavailable == 0, $"{s.Name}: {s.Failed} failed, {s.Unavailable} unavailable"));
        Assert.Equal(0, _steps[^1].Failed);
        Assert.All(_steps, s => Assert.True(s.Placed > 0, $"no order placed during '{s.Name}'"));

        var stored = await OrderLedger.OrdersByPoNumberAsync(system.ConnectionString, tenant.AccountId);
        Assert.Equal(acknowledged.Count, stored.Count);
        foreach (var (po, orderId) in acknowledged)
            Assert.Equal([orderId], stored[po]);
        Assert.Equal(acknowledged.Count, await OrderLedger.StoredOrderCountAsync(system.ConnectionString, tenant.AccountId));
        // Every poNumber, asked again through either host, converges on its one order.
        using var check = new HttpClients(hosts, tenant.Http.DefaultRequestHeaders.Authorization!);
        await Parallel.ForEachAsync(acknowledged, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = Cancel }, async (entry, _) =>
        {
            var again = new Step("check");
            Assert.Equal(entry.Value, await PlaceUntilAcknowledgedAsync(check, entry.Key.GetHashCode(StringComparison.Ordinal), TestCatalog.Order(entry.Key, product), () => again));
        });
        output.WriteLine($"{acknowledged.Count} orders, each stored once; the kill step took {killed.Elapsed.TotalSeconds:F1} s");
    }

    private void PrintSteps()
    {
        foreach (var s in _steps)
            output.WriteLine($"{s.Name,-42} placed {s.Placed,5}  failed {s.Failed}  503 {s.Unavailable}  rerouted {s.Rerouted}  slowest {s.SlowestMs} ms  longest wait {s.LongestWaitMs} ms");
    }

    /// <summary>A client behind a load balancer: a host that refuses the connection is skipped for the next one.</summary>
    private static async Task<string> PlaceUntilAcknowledgedAsync(HttpClients clients, int start, object body, Func<Step> current)
    {
        var waiting = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            var step = current();
            var watch = Stopwatch.StartNew();
            HttpResponseMessage response;
            try
            {
                response = await clients.For(start + attempt).PostAsJsonAsync("/api/v1/orders", body);
            }
            catch (HttpRequestException)
            {
                // No answer at all (refused, or a kept-alive connection closed by a stopping host before it read
                // the request): a load balancer sends it to the next host, as this client does.
                Interlocked.Increment(ref step.Rerouted);
                continue;
            }
            catch (TaskCanceledException)
            {
                Interlocked.Increment(ref step.Unavailable);
                continue;
            }
            var status = (int)response.StatusCode;
            if (status == 503)
            {
                Interlocked.Increment(ref step.Unavailable);
                await Task.Delay(200);
                continue;
            }
            if (status is not (200 or 201))
            {
                Interlocked.Increment(ref step.Failed);
                throw new InvalidOperationException($"Placement answered {status}: {await response.Content.ReadAsStringAsync()}");
            }
            InterlockedMax(ref step.SlowestMs, watch.ElapsedMilliseconds);
            InterlockedMax(ref step.LongestWaitMs, waiting.ElapsedMilliseconds);
            if (status == 201)
                Interlocked.Increment(ref step.Placed);
            return (await ApiSession.ReadJsonAsync(response, status))["orderId"]!.GetValue<string>();
        }
    }

    private static async Task StopApiAsync(OrderSiloSystem system, Uri address)
    {
        var host = system.AllApis().Single(a => a.Name == $"api-{address.Port}" && !a.HasExited);
        await host.StopAsync(TimeSpan.FromSeconds(30));
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var seen = Interlocked.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
                return;
            seen = previous;
        }
    }

    /// <summary>One HttpClient per API host, with the tenant's token.</summary>
    private sealed class HttpClients : IDisposable
    {
        private readonly HttpClient[] _clients;

        public HttpClients(Uri[] hosts, AuthenticationHeaderValue token) =>
            _clients = [.. hosts.Select(host => new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(60), DefaultRequestHeaders = { Authorization = token } })];

        public HttpClient For(int n) => _clients[(n & int.MaxValue) % _clients.Length];

        public void Dispose()
        {
            foreach (var client in _clients)
                client.Dispose();
        }
    }
}
