using System.Globalization;
using System.Text;

namespace OrderSilo.Bench;

/// <summary>Prints the results and appends them, dated, to the benchmarks page.</summary>
internal static class Report
{
    private const string Intro = """
        # Benchmarks

        Measured by `bench/run.sh` (source in `bench/OrderSilo.Bench`). It builds the benchmark, starts the whole
        system with `./run.sh` (private PostgreSQL, `SILOS` silos — default 1 — and one API host), waits for
        `GET /health/ready`, runs the steps below, appends a dated section to this page and stops the system.
        Flags pass through: `bench/run.sh --seconds 5` makes every measured step 5 s long (default 10).
        Against a system that is already running:
        `dotnet artifacts/bin/OrderSilo.Bench/release/OrderSilo.Bench.dll --url http://127.0.0.1:5080 --pg "<Npgsql connection string>" --admin-id <id> --admin-secret <secret>`.

        What each figure means:
        - **reference** — raw PostgreSQL, in the database the system uses: 64 connections each committing
          `INSERT … ON CONFLICT (id) DO NOTHING` of a fresh id into a one-table scratch table (dropped afterwards),
          one autocommit transaction per statement, through Npgsql. It is the ceiling an order path that needs
          one commit could approach.
        - **new orders** — closed loops of `POST /api/v1/orders` (fresh `poNumber`, one $10 voucher, realtime
          delivery) at 1, 16 and 64 concurrent HTTP connections, after a 20 s warm-up at 64. Only 201 counts as
          an order; every other status is listed as an error. p50/p99 are of successful requests, measured by
          the client around the whole request.
        - **ratio** — new orders/s at 64 connections ÷ reference commits/s: the share of the database's
          commit capacity that turns into orders.
        - **replays** — the same bodies posted again for poNumbers that already have an order, at 64 connections;
          only 200 with `Idempotent-Replayed: true` counts.
        - **commits per order** — the delta of `pg_stat_database.xact_commit` across the 64-connection step ÷ orders
          created. Counters are read after 11 s of quiet (PostgreSQL flushes an idle backend's counters only
          after 10 s), and the idle background rate (Orleans membership, reminders), measured before any load,
          is subtracted for the "net" figure. The same method gives commits per reference insert (should be
          1.00: a check of the method) and per replay (should be 0).
        - **pricing 10 lines** — closed loops of `POST /api/v1/pricing/preview` of a ten-line cart (ten licences with
          VAT, a line promotion on five of them and an order promotion on all) at 64 connections, after a 3 s warm-up:
          the pricing grain as the API host reaches it. Its commits are counted like the orders' (should be 0).
        - **one hot company / 64 companies** — new orders at 64 connections for one company with a credit limit,
          then spread over 64 such companies; every order reserves credit.
        - **order history** (`--history-orders N`, default 1,000,000; 0 skips it) — a fresh tenant's home company
          gets N orders, and three child companies N/10 between them, written straight into the `orders` read
          model by one `INSERT … SELECT generate_series` (statuses, tags, references,
          amounts, descriptions and dates over two years varied as `bench/OrderSilo.Bench/HistorySeed.sql`
          describes), then `ANALYZE orders`. No grain state is written for them: the list reads only `orders`.
          **list: …** — closed loops of the first page (25 orders) of `GET /api/v1/orders` at 4 connections, one
          step per filter, each request with a fresh value (the table under the figures says which); only 200
          counts. **new orders, N-order company / empty company** — new orders for that company and for the home
          company of a second fresh tenant with no orders, both loops at once, 8 connections each; their p50
          ratio should be near 1. The written orders are deleted at the end of the step.
        - **orders + webhook** — new orders at 64 connections for a tenant with a webhook endpoint (every order
          event) whose receiver runs in the benchmark on loopback: each order records two events and their
          deliveries in its commit, and the silos deliver them. Its commits are counted until the last event has
          arrived, so they include the deliveries' own.

        Sections are appended, newest last; older ones are never rewritten.
        """;

    public static void ToConsole(BenchResults results, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("=== OrderSilo benchmark results ===");
        foreach (var step in results.Steps)
        {
            output.WriteLine(StepLine(step));
            foreach (var (label, tally) in step.Errors.OrderByDescending(e => e.Value.Count))
            {
                output.WriteLine(BenchResults.F($"    error {label} × {tally.Count}: {tally.Sample}"));
            }
        }

        output.WriteLine(BenchResults.F($"background commits/s (idle system): {results.BackgroundPerSecond:0.00}"));
        output.WriteLine(BenchResults.F(
            $"commits per order at 64: {results.CommitsPerOrderNet:0.00} net, {results.CommitsPerOrderRaw:0.00} raw ({results.OrderCommits.Commits} commits, {results.NewOrdersAt64.Successes} orders, {results.OrderCommits.Duration.TotalSeconds:0.0} s window)"));
        output.WriteLine(BenchResults.F($"commits per reference insert (method check, expect 1.00): {results.CommitsPerReferenceInsert:0.00}"));
        output.WriteLine(BenchResults.F($"commits per replay: {results.CommitsPerReplay:0.000}"));
        output.WriteLine(BenchResults.F($"commits per ten-line pricing call: {results.CommitsPerPreview:0.000} ({results.PreviewCommits.Commits} commits, {results.Previews.Successes} calls)"));
        output.WriteLine(BenchResults.F($"commits per order with a webhook (two events recorded and delivered): {results.CommitsPerWebhookOrder:0.00} ({results.WebhookCommits.Commits} commits, {results.WebhookOrders.Successes} orders; the last event arrived {results.WebhookDrain.TotalSeconds:0.0} s after the step)"));
        output.WriteLine(BenchResults.F($"ratio new orders/s (64) ÷ reference commits/s: {results.Ratio:0.00}"));
        output.WriteLine(BenchResults.F($"ratio replays/s ÷ new orders/s (64): {results.ReplaySpeedup:0.0}"));
        if (results.History is { } history)
        {
            output.WriteLine(HistoryLine(history));
        }

        output.WriteLine();
        foreach (var target in results.Targets)
        {
            output.WriteLine($"[{(target.Met ? "met" : "MISSED")}] {target.Figure}: {target.Measured} (target {target.Target})");
        }
    }

    private static string HistoryLine(HistoryResults h) => BenchResults.F(
        $"History: {h.AccountOrders:N0} orders written into the read model for one account ({h.CompanyOrders:N0} of them for one company) in {h.SeedTime.TotalSeconds:0} s, ANALYZE {h.AnalyzeTime.TotalSeconds:0.0} s, deleted afterwards in {h.RemoveTime.TotalSeconds:0.0} s; new orders p50 {h.LargeCompanyOrders.P50Ms:0.00} ms for that company and {h.EmptyCompanyOrders.P50Ms:0.00} ms for an empty one, measured together (ratio {h.P50Ratio:0.00}).");

    public static string StepLine(LoadResult step) => BenchResults.F(
        $"{step.Name,-30} {step.Concurrency,3} conn: {step.PerSecond,10:N1}/s  p50 {step.P50Ms,7:0.00} ms  p99 {step.P99Ms,7:0.00} ms  max {step.MaxMs,8:0.0} ms  ok {step.Successes,8}  errors {step.ErrorCount}");

    public static async Task AppendMarkdownAsync(BenchResults results, string path, CancellationToken ct)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var text = new StringBuilder();
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            text.Append(Intro).Append('\n');
        }

        text.Append(Markdown(results));
        await File.AppendAllTextAsync(path, text.ToString(), ct);
    }

    private static string Markdown(BenchResults r)
    {
        var md = new StringBuilder();
        void Line(FormattableString line) => md.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

        Line($"\n## {r.At:yyyy-MM-dd HH:mm} UTC\n");
        Line($"Each step {r.Options.Seconds} s; API {r.Options.Url}{(r.Options.Label is { } note ? $"; {note}" : "")}.\n");
        Line($"| step | connections | per second | p50 ms | p99 ms | max ms | succeeded | errors |");
        Line($"|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in r.Steps)
        {
            Line($"| {s.Name} | {s.Concurrency} | {s.PerSecond:N0} | {s.P50Ms:0.00} | {s.P99Ms:0.00} | {s.MaxMs:0.0} | {s.Successes} | {s.ErrorCount} |");
        }

        Line($"\n| figure | measured | target | met |");
        Line($"|---|---:|---|---|");
        foreach (var t in r.Targets)
        {
            Line($"| {t.Figure} | {t.Measured} | {t.Target} | {(t.Met ? "yes" : "**no**")} |");
        }

        Line($"\nCommits: {r.CommitsPerOrderRaw:0.00} per order before subtracting the background ({r.OrderCommits.Commits} commits for {r.NewOrdersAt64.Successes} orders over a {r.OrderCommits.Duration.TotalSeconds:0.0} s window); background {r.BackgroundPerSecond:0.00} commits/s on the idle system; {r.CommitsPerReferenceInsert:0.00} per reference insert (method check); {r.CommitsPerReplay:0.000} per replay; {r.CommitsPerPreview:0.000} per ten-line pricing call ({r.PreviewCommits.Commits} commits for {r.Previews.Successes} calls); {r.CommitsPerWebhookOrder:0.00} per order of a tenant with a webhook endpoint, its two events' deliveries included ({r.WebhookCommits.Commits} commits for {r.WebhookOrders.Successes} orders; the last event arrived {r.WebhookDrain.TotalSeconds:0.0} s after the step).\n");

        if (r.History is { } history)
        {
            Line($"{HistoryLine(history)}\n");
            Line($"| list step | each request asks for |");
            Line($"|---|---|");
            foreach (var (filter, _) in history.Lists)
            {
                Line($"| list: {filter.Name} | {filter.Selects} |");
            }

            md.Append('\n');
        }

        var errors = r.Steps.SelectMany(s => s.Errors.Select(e => (Step: s, Label: e.Key, Tally: e.Value))).ToList();
        if (errors.Count == 0)
        {
            Line($"Errors: none.\n");
        }
        else
        {
            Line($"Errors:");
            foreach (var (step, label, tally) in errors)
            {
                Line($"- {step.Name} at {step.Concurrency}: `{label}` × {tally.Count}, e.g. `{tally.Sample.ReplaceLineEndings(" ").Replace('`', '\'')}`");
            }

            md.Append('\n');
        }

        Line($"Machine: {r.Machine.Cpu}, {r.Machine.Processors} logical CPUs, {r.Machine.Memory} RAM; {r.Machine.Os}; {r.Machine.Runtime}; PostgreSQL {r.PostgresVersion} (the system's database).");
        return md.ToString();
    }
}
