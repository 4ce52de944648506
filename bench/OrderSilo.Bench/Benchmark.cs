using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Npgsql;

namespace OrderSilo.Bench;

/// <summary>Runs the steps of the benchmark in order and collects their figures.</summary>
internal sealed class Benchmark(BenchOptions options, TextWriter log)
{
    private const int ReferenceConnections = 64;
    private static readonly int[] OrderConcurrencies = [1, 16, 64];
    private static readonly TimeSpan BackgroundWindow = TimeSpan.FromSeconds(20);
    // Tiered JIT compilation of the hosts was measured still taking ~19 % of the CPU after 20 s of load and ~1 %
    // after 30 s: warm up long enough that the measured steps see steady-state code.
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(20);

    private readonly string _runId =
        DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6];

    public async Task<BenchResults> RunAsync(CancellationToken ct)
    {
        var statsConnection = new NpgsqlConnectionStringBuilder(options.Pg)
        {
            MaxPoolSize = 2,
            ApplicationName = "ordersilo-bench-stats",
        };
        await using var stats = NpgsqlDataSource.Create(statsConnection.ConnectionString);
        var counter = new CommitCounter(stats);
        var postgresVersion = await counter.ServerVersionAsync(ct);

        using var setupHttp = NewHttpClient(4);
        await ExpectReadyAsync(setupHttp, ct);

        Say($"background: measuring idle commits for {CommitCounter.SettleTime.TotalSeconds + BackgroundWindow.TotalSeconds:0} s");
        var idleStart = await counter.SettleAndReadAsync(ct);
        await Task.Delay(BackgroundWindow, ct);
        var idleEnd = await counter.ReadAsync(ct);
        var background = idleEnd.Since(idleStart);
        Say($"background: {background.Commits} commits in {background.Duration.TotalSeconds:0.0} s = {background.PerSecond:0.00}/s");

        Say($"reference: {ReferenceConnections} connections inserting into PostgreSQL for {options.Seconds} s");
        var referenceStart = await counter.ReadAsync(ct);
        var reference = await ReferenceBenchmark.RunAsync(options.Pg, ReferenceConnections, options.StepDuration, ct);
        Step(reference);
        var referenceCommits = (await counter.SettleAndReadAsync(ct)).Since(referenceStart);

        Say($"setup: operator token, tenant, product, tenant token");
        using var admin = new TokenSource(setupHttp, options.AdminId, options.AdminSecret);
        var adminToken = await admin.GetAsync(ct);
        var api = new OrderSiloApi(setupHttp);
        var tenant = await api.CreateTenantAsync(admin, _runId, ct);
        await api.PutBenchProductAsync(admin, ct);
        Say($"setup: admin scope '{adminToken.Scope}', tenant {tenant.AccountId} (company {tenant.CompanyId}, client {tenant.ClientId})");

        // Orders of the measured 64-connection step; the replay step posts them again.
        var created = new ConcurrentQueue<string>();
        using var tokenHttp = NewHttpClient(2);
        using var tenantTokens = new TokenSource(tokenHttp, tenant.ClientId, tenant.ClientSecret);
        var tenantToken = await tenantTokens.GetAsync(ct);
        Say($"setup: tenant scope '{tenantToken.Scope}'");

        var warmUp = await NewOrdersAsync("warm-up", 64, WarmUp, tenantTokens, null, ct);
        Step(warmUp);

        var newOrders = new List<LoadResult>();
        CommitWindow? orderCommits = null;
        CommitReading? replayStart = null;
        foreach (var concurrency in OrderConcurrencies)
        {
            var last = concurrency == OrderConcurrencies[^1];
            var before = last ? await counter.SettleAndReadAsync(ct) : null;
            var result = await NewOrdersAsync("new orders", concurrency, options.StepDuration, tenantTokens, last ? created : null, ct);
            Step(result);
            newOrders.Add(result);
            if (before is not null)
            {
                replayStart = await counter.SettleAndReadAsync(ct);
                orderCommits = replayStart.Since(before);
            }
        }

        var replays = await ReplaysAsync([.. created], tenantTokens, ct);
        Step(replays);
        var replayCommits = (await counter.SettleAndReadAsync(ct)).Since(replayStart!);

        // Pricing: a ten-line cart through the pricing grain, from the API host, at 64 connections. A preview places
        // nothing, so it must cost no database commit at all (the pricing grain answers from the silo's cache).
        Say($"pricing: ten-line cart previews at {OrderConcurrencies[^1]} connections");
        await api.PutPricingCatalogAsync(admin, _runId, ct);
        // A GB buyer, so that every line carries VAT (20 %) as well as its promotions.
        var buyer = await api.CreateCompanyAsync(tenantTokens, $"pricing-{_runId}", "GB", ct);
        await PreviewsAsync("pricing warm-up", 16, TimeSpan.FromSeconds(3), tenantTokens, buyer, ct);
        var previewStart = await counter.SettleAndReadAsync(ct);
        var previews = await PreviewsAsync("pricing 10 lines", OrderConcurrencies[^1], options.StepDuration, tenantTokens, buyer, ct);
        Step(previews);
        var previewCommits = (await counter.SettleAndReadAsync(ct)).Since(previewStart);

        // Credit: one company every connection orders for, against 64 companies one per connection, all capped so
        // that every order reserves credit. The company grain coalesces concurrent reservations into one write.
        Say($"credit: one capped company and {OrderConcurrencies[^1]} capped companies");
        var hot = await api.CreateCappedCompanyAsync(tenantTokens, admin, $"hot-{_runId}", ct);
        var spread = new List<string>();
        for (var i = 0; i < OrderConcurrencies[^1]; i++)
            spread.Add(await api.CreateCappedCompanyAsync(tenantTokens, admin, $"spread-{_runId}-{i}", ct));
        var hotCompany = await NewOrdersAsync("one hot company", OrderConcurrencies[^1], options.StepDuration, tenantTokens, null, ct, _ => hot);
        Step(hotCompany);
        var spreadCompanies = await NewOrdersAsync("64 companies", OrderConcurrencies[^1], options.StepDuration, tenantTokens, null, ct, worker => spread[worker]);
        Step(spreadCompanies);

        // Webhooks: the same orders for a tenant with an endpoint, so each order write also records two events
        // (order.created, order.completed) and their deliveries, and the silos deliver them to a receiver here.
        // Commits are counted until every event has arrived: the order's own and the deliveries'.
        Say($"webhooks: a tenant with an endpoint, {OrderConcurrencies[^1]} connections");
        using var sink = new WebhookSink();
        var hooked = await api.CreateTenantAsync(admin, _runId + "-hooks", ct);
        using var hookedTokens = new TokenSource(tokenHttp, hooked.ClientId, hooked.ClientSecret);
        await api.RegisterWebhookAsync(hookedTokens, sink.Url, ct);
        var hookWarmUp = await NewOrdersAsync("webhook warm-up", 16, TimeSpan.FromSeconds(3), hookedTokens, null, ct);
        await DrainAsync(sink, 2 * hookWarmUp.Successes, ct);
        var hookStart = await counter.SettleAndReadAsync(ct);
        var webhookOrders = await NewOrdersAsync("orders + webhook", OrderConcurrencies[^1], options.StepDuration, hookedTokens, null, ct);
        Step(webhookOrders);
        var drained = await DrainAsync(sink, 2 * (hookWarmUp.Successes + webhookOrders.Successes), ct);
        Say($"webhooks: {sink.Received} events received; the last {drained.TotalSeconds:0.0} s after the step ended");
        var webhookCommits = (await counter.SettleAndReadAsync(ct)).Since(hookStart);

        var history = options.HistoryOrders > 0
            ? await new HistoryBenchmark(options, this, api, admin, _runId).RunAsync(ct)
            : null;

        return new BenchResults
        {
            At = DateTimeOffset.UtcNow,
            Options = options,
            Machine = MachineInfo.Current(),
            PostgresVersion = postgresVersion,
            Background = background,
            Reference = reference,
            ReferenceCommits = referenceCommits,
            NewOrders = newOrders,
            OrderCommits = orderCommits!,
            Replays = replays,
            ReplayCommits = replayCommits,
            HotCompany = hotCompany,
            SpreadCompanies = spreadCompanies,
            Previews = previews,
            PreviewCommits = previewCommits,
            WebhookOrders = webhookOrders,
            WebhookCommits = webhookCommits,
            WebhookDrain = drained,
            History = history,
        };
    }

    /// <summary>Waits (at most two minutes) until the sink has <paramref name="events"/> events; answers how long that took.</summary>
    private static async Task<TimeSpan> DrainAsync(WebhookSink sink, long events, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (sink.Received < events)
        {
            if (started.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new InvalidOperationException($"only {sink.Received} of {events} webhook events arrived within two minutes");
            }

            await Task.Delay(100, ct);
        }

        return started.Elapsed;
    }

    internal async Task<LoadResult> NewOrdersAsync(
        string name, int concurrency, TimeSpan duration, TokenSource tokens, ConcurrentQueue<string>? created, CancellationToken ct,
        Func<int, string>? companyOf = null)
    {
        Say($"{name}: {concurrency} connections for {duration.TotalSeconds:0} s");
        using var http = NewHttpClient(concurrency);
        var step = $"{_runId}-{name.Replace(' ', '-')}{concurrency}";
        return await ClosedLoop.RunAsync(name, concurrency, duration, async (worker, sequence, token) =>
        {
            var poNumber = $"{step}-{worker}-{sequence}";
            var failure = await PostAsync(http, tokens, poNumber, replay: false, token, companyOf?.Invoke(worker));
            if (failure is null)
            {
                created?.Enqueue(poNumber);
            }

            return failure;
        }, ct);
    }

    private async Task<LoadResult> PreviewsAsync(string name, int concurrency, TimeSpan duration, TokenSource tokens, string companyId, CancellationToken ct)
    {
        using var http = NewHttpClient(concurrency);
        return await ClosedLoop.RunAsync(name, concurrency, duration, async (worker, _, token) =>
        {
            using var request = OrderSiloApi.Preview(await tokens.GetAsync(token), companyId, worker);
            using var response = await http.SendAsync(request, token);
            return response.StatusCode == HttpStatusCode.OK
                ? null
                : (StatusLabel(response.StatusCode), OrderSiloApi.Truncate(await response.Content.ReadAsStringAsync(token)));
        }, ct);
    }

    private async Task<LoadResult> ReplaysAsync(string[] poNumbers, TokenSource tokens, CancellationToken ct)
    {
        const int Concurrency = 64;
        if (poNumbers.Length == 0)
        {
            throw new InvalidOperationException("no order was created at 64 connections, so there is nothing to replay");
        }

        Say($"replays: {Concurrency} connections for {options.Seconds} s over {poNumbers.Length} existing poNumbers");
        using var http = NewHttpClient(Concurrency);
        long next = -1;
        return await ClosedLoop.RunAsync("replays", Concurrency, options.StepDuration, (worker, sequence, token) =>
        {
            var poNumber = poNumbers[Interlocked.Increment(ref next) % poNumbers.Length];
            return PostAsync(http, tokens, poNumber, replay: true, token);
        }, ct);
    }

    private static async ValueTask<(string Label, string Sample)?> PostAsync(
        HttpClient http, TokenSource tokens, string poNumber, bool replay, CancellationToken ct, string? companyId = null)
    {
        var token = await tokens.GetAsync(ct);
        using var request = OrderSiloApi.PlaceOrder(poNumber, token, companyId);
        using var response = await http.SendAsync(request, ct);
        var status = response.StatusCode;
        var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values)
            && values.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase));

        string label;
        if (!replay)
        {
            if (status == HttpStatusCode.Created)
            {
                return null;
            }

            label = StatusLabel(status);
        }
        else if (status == HttpStatusCode.OK && replayed)
        {
            return null;
        }
        else
        {
            label = status switch
            {
                HttpStatusCode.OK => "200 without Idempotent-Replayed: true",
                HttpStatusCode.Created => "201 Created: a replay created another order",
                _ => StatusLabel(status),
            };
        }

        return (label, OrderSiloApi.Truncate(await response.Content.ReadAsStringAsync(ct)));
    }

    internal static string StatusLabel(HttpStatusCode status) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)status} {status}");

    private async Task ExpectReadyAsync(HttpClient http, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException(
                $"GET {options.Url}health/ready answered {(int)response.StatusCode}: the system is not ready");
        }
    }

    internal HttpClient NewHttpClient(int connections) =>
        new(new SocketsHttpHandler
        {
            // One HTTP/1.1 connection per worker: the concurrency is the number of connections.
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
        })
        {
            BaseAddress = options.Url,
            Timeout = TimeSpan.FromSeconds(30),
        };

    internal void Say(FormattableString message) =>
        log.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message.ToString(CultureInfo.InvariantCulture)}");

    internal void Step(LoadResult result)
    {
        Say($"{Report.StepLine(result)}");
        foreach (var (label, tally) in result.Errors.OrderByDescending(e => e.Value.Count))
        {
            Say($"    error {label} × {tally.Count}: {tally.Sample}");
        }
    }
}
