using System.Diagnostics;
using System.Globalization;
using System.Net;
using Npgsql;

namespace OrderSilo.Bench;

/// <summary>
/// The order-history step: one company of a fresh tenant gets a long history written straight into the
/// <c>orders</c> read model (<c>HistorySeed.sql</c>), then the step measures first pages of <c>GET /api/v1/orders</c>
/// with each filter, and new orders for that company against new orders for a company with no history, both at
/// once. The seeded rows are removed at the end; the orders placed through the API stay, like every step's.
/// </summary>
internal sealed class HistoryBenchmark(BenchOptions options, Benchmark bench, OrderSiloApi api, TokenSource admin, string runId)
{
    private const int ListConnections = 4;
    private const int OrderConnections = 8;
    private const int OtherCompanies = 3;
    private static readonly TimeSpan ListWarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan OrderWarmUp = TimeSpan.FromSeconds(3);

    private static readonly string[] Statuses =
        ["quote", "pending_approval", "awaiting_payment", "processing", "completed", "cancelled", "expired", "rejected"];
    private static readonly string[] StandingTags = ["loyalty", "staff", "partner", "holiday", "referral", "onboarding"];
    private static readonly string[] Words = ["rewards", "loyalty", "incentives", "gifts", "Berlin", "Singapore", "Toronto", "thank-you"];
    private static readonly decimal[] Denominations = [10m, 25m, 50m, 100m, 250m];

    public async Task<HistoryResults> RunAsync(CancellationToken ct)
    {
        var companyOrders = options.HistoryOrders;
        var accountOrders = companyOrders + companyOrders / 10;

        bench.Say($"history: a tenant with {OtherCompanies} child companies, and an empty tenant");
        var tenant = await api.CreateTenantAsync(admin, $"{runId}-history", ct);
        var empty = await api.CreateTenantAsync(admin, $"{runId}-empty", ct);
        using var tokenHttp = bench.NewHttpClient(2);
        using var tenantTokens = new TokenSource(tokenHttp, tenant.ClientId, tenant.ClientSecret);
        using var emptyTokens = new TokenSource(tokenHttp, empty.ClientId, empty.ClientSecret);
        var others = new string[OtherCompanies];
        for (var i = 0; i < others.Length; i++)
            others[i] = await api.CreateCompanyAsync(tenantTokens, $"history-{runId}-{i}", "US", ct);

        var database = new NpgsqlDataSourceBuilder(options.Pg) { ConnectionStringBuilder = { ApplicationName = "ordersilo-bench-history", CommandTimeout = 0 } };
        await using var data = database.Build();
        bench.Say($"history: writing {accountOrders:N0} orders into the read model ({companyOrders:N0} for company {tenant.CompanyId})");
        var seedTime = await TimeAsync(() => SeedAsync(data, tenant, others, accountOrders, ct));
        var analyzeTime = await TimeAsync(() => ExecuteAsync(data, "analyze orders", ct));
        bench.Say($"history: written in {seedTime.TotalSeconds:0.0} s, ANALYZE in {analyzeTime.TotalSeconds:0.0} s");

        var removed = false;
        try
        {
            var filters = Filters(tenant.CompanyId, others, DateTimeOffset.UtcNow);
            var lists = new List<(ListFilter, LoadResult)>();
            await ListAsync("list warm-up", () => filters[Random.Shared.Next(filters.Count)].NextQuery(), ListWarmUp, tenantTokens, ct);
            var listDuration = TimeSpan.FromSeconds(Math.Max(2, options.Seconds / 2.0));
            foreach (var filter in filters)
            {
                var result = await ListAsync($"list: {filter.Name}", filter.NextQuery, listDuration, tenantTokens, ct);
                bench.Step(result);
                lists.Add((filter, result));
            }

            // Both companies at once, at the same concurrency: whatever else the machine does weighs on both alike.
            bench.Say($"history: new orders for company {tenant.CompanyId} ({companyOrders:N0} orders) and for {empty.CompanyId} (none), {OrderConnections} connections each");
            await Task.WhenAll(
                bench.NewOrdersAsync("warm-up large", OrderConnections, OrderWarmUp, tenantTokens, null, ct),
                bench.NewOrdersAsync("warm-up empty", OrderConnections, OrderWarmUp, emptyTokens, null, ct));
            var largeTask = bench.NewOrdersAsync($"new orders, {Thousands(companyOrders)}-order company", OrderConnections, options.StepDuration, tenantTokens, null, ct);
            var emptyTask = bench.NewOrdersAsync("new orders, empty company", OrderConnections, options.StepDuration, emptyTokens, null, ct);
            var (large, none) = (await largeTask, await emptyTask);
            bench.Step(large);
            bench.Step(none);

            var removeTime = await TimeAsync(() => RemoveAsync(data, tenant.AccountId, ct));
            removed = true;
            bench.Say($"history: the written orders removed in {removeTime.TotalSeconds:0.0} s");
            return new HistoryResults
            {
                CompanyOrders = companyOrders,
                AccountOrders = accountOrders,
                SeedTime = seedTime,
                AnalyzeTime = analyzeTime,
                RemoveTime = removeTime,
                Lists = lists,
                LargeCompanyOrders = large,
                EmptyCompanyOrders = none,
            };
        }
        finally
        {
            if (!removed)
                await RemoveAsync(data, tenant.AccountId, CancellationToken.None);
        }
    }

    /// <summary>"1M" for 1,000,000, "250k" for 250,000; else the number.</summary>
    public static string Thousands(int orders) => orders switch
    {
        >= 1_000_000 when orders % 1_000_000 == 0 => $"{orders / 1_000_000}M",
        >= 1_000 when orders % 1_000 == 0 => $"{orders / 1_000}k",
        _ => orders.ToString(CultureInfo.InvariantCulture),
    };

    private static List<ListFilter> Filters(string largeCompany, string[] others, DateTimeOffset now)
    {
        string Pick(IReadOnlyList<string> values) => values[Random.Shared.Next(values.Count)];
        string[] companies = [largeCompany, .. others];
        var campaigns = Enumerable.Range(0, 25).Select(m => "campaign-" + now.AddMonths(-m).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToArray();
        string Day()
        {
            var start = now.Date.AddDays(-Random.Shared.Next(1, 730));
            return $"dateStart={Uri.EscapeDataString(start.ToString("O", CultureInfo.InvariantCulture))}&dateEnd={Uri.EscapeDataString(start.AddDays(1).ToString("O", CultureInfo.InvariantCulture))}";
        }
        string Amount() => Random.Shared.Next(2) == 0
            ? (Denominations[Random.Shared.Next(Denominations.Length)] * Random.Shared.Next(1, 11)).ToString("0.00", CultureInfo.InvariantCulture)
            : ((500 + Random.Shared.Next(99_500)) / 100m).ToString("0.00", CultureInfo.InvariantCulture);

        return
        [
            new("none", "the newest orders", () => ""),
            new("companyId", "one of the 4 companies: the large one (91 % of the account) or a small one (3 % each)", () => $"companyId={Pick(companies)}"),
            new("status", "one of the 8 statuses (1 % to 80 % of the orders)", () => $"status={Pick(Statuses)}"),
            new("tag", "a standing tag (3 % each) or a month's campaign tag (0.8 % each, up to two years old)", () => $"tag={(Random.Shared.Next(2) == 0 ? Pick(StandingTags) : Pick(campaigns))}"),
            new("reference", "a random REF-n (about 3 orders, or none)", () => $"reference=REF-{Random.Shared.Next(200_000)}"),
            new("amountTotal", "a voucher total (about 2 % each) or an open amount (mostly no order)", () => $"amountTotal={Amount()}"),
            new("description, word", "a word of the description (4 % to 6 %)", () => $"description={Uri.EscapeDataString(Pick(Words))}"),
            new("description, rare", "'batch n' (about 0.004 %)", () => $"description={Uri.EscapeDataString($"batch {Random.Shared.Next(10_000)}")}"),
            new("dateStart+dateEnd", "one day of the two years (0.14 %)", Day),
            new("archived=true", "the archived orders (2 %, all over a year old)", () => "archived=true"),
        ];
    }

    private async Task<LoadResult> ListAsync(string name, Func<string> nextQuery, TimeSpan duration, TokenSource tokens, CancellationToken ct)
    {
        using var http = bench.NewHttpClient(ListConnections);
        return await ClosedLoop.RunAsync(name, ListConnections, duration, async (worker, sequence, token) =>
        {
            using var request = OrderSiloApi.ListOrders(nextQuery(), await tokens.GetAsync(token));
            using var response = await http.SendAsync(request, token);
            var body = await response.Content.ReadAsStringAsync(token);
            return response.StatusCode == HttpStatusCode.OK ? null : (Benchmark.StatusLabel(response.StatusCode), OrderSiloApi.Truncate(body));
        }, ct);
    }

    private static async Task SeedAsync(NpgsqlDataSource data, Tenant tenant, string[] others, int accountOrders, CancellationToken ct)
    {
        string sql;
        await using (var stream = typeof(HistoryBenchmark).Assembly.GetManifestResourceStream("HistorySeed.sql")
            ?? throw new InvalidOperationException("HistorySeed.sql is not embedded in the bench"))
        using (var reader = new StreamReader(stream))
            sql = await reader.ReadToEndAsync(ct);

        // One statement on one connection, so the rows reach the table in time order, as orders do. Two
        // connections writing two halves were twice as fast, but interleaved the heap positions that the trigram
        // index's posting lists are kept in order of: that left it 60 % larger and a rare-text page 15 times slower
        // (150 ms against 10 ms) than after a REINDEX.
        await using var command = data.CreateCommand(sql);
        foreach (var value in new object[] { tenant.AccountId, tenant.CompanyId, 1L, (long)accountOrders, (long)accountOrders, others })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task RemoveAsync(NpgsqlDataSource data, string accountId, CancellationToken ct)
    {
        await using var command = data.CreateCommand("delete from orders where account_id = $1 and po_number like 'hist-%'");
        command.Parameters.Add(new NpgsqlParameter { Value = accountId });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource data, string sql, CancellationToken ct)
    {
        await using var command = data.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> work)
    {
        var started = Stopwatch.GetTimestamp();
        await work();
        return Stopwatch.GetElapsedTime(started);
    }
}
