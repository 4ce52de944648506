using System.Globalization;

namespace OrderSilo.Bench;

/// <summary>Everything one run measured, and the figures and target checks derived from it.</summary>
internal sealed record BenchResults
{
    public required DateTimeOffset At { get; init; }
    public required BenchOptions Options { get; init; }
    public required MachineInfo Machine { get; init; }
    public required string PostgresVersion { get; init; }
    public required CommitWindow Background { get; init; }
    public required LoadResult Reference { get; init; }
    public required CommitWindow ReferenceCommits { get; init; }
    public required IReadOnlyList<LoadResult> NewOrders { get; init; }
    public required CommitWindow OrderCommits { get; init; }
    public required LoadResult Replays { get; init; }
    public required CommitWindow ReplayCommits { get; init; }
    public required LoadResult HotCompany { get; init; }
    public required LoadResult SpreadCompanies { get; init; }
    public required LoadResult Previews { get; init; }
    public required CommitWindow PreviewCommits { get; init; }
    public required LoadResult WebhookOrders { get; init; }
    public required CommitWindow WebhookCommits { get; init; }
    public required TimeSpan WebhookDrain { get; init; }
    /// <summary>The order-history step; null when <c>--history-orders 0</c> skipped it.</summary>
    public required HistoryResults? History { get; init; }

    public LoadResult NewOrdersAt64 => NewOrders[^1];
    public double BackgroundPerSecond => Background.PerSecond;
    public double Ratio => Reference.PerSecond > 0 ? NewOrdersAt64.PerSecond / Reference.PerSecond : double.NaN;
    public double CommitsPerOrderRaw => Per(OrderCommits.Commits, NewOrdersAt64.Successes);
    public double CommitsPerOrderNet => Per(OrderCommits.NetOf(BackgroundPerSecond), NewOrdersAt64.Successes);
    public double CommitsPerReferenceInsert => Per(ReferenceCommits.NetOf(BackgroundPerSecond), Reference.Successes);
    public double CommitsPerReplay => Per(ReplayCommits.NetOf(BackgroundPerSecond), Replays.Successes);
    public double ReplaySpeedup => NewOrdersAt64.PerSecond > 0 ? Replays.PerSecond / NewOrdersAt64.PerSecond : double.NaN;

    public double CommitsPerPreview => Per(PreviewCommits.NetOf(BackgroundPerSecond), Previews.Successes);

    /// <summary>Commits per order of a tenant with an endpoint, its events' deliveries included.</summary>
    public double CommitsPerWebhookOrder => Per(WebhookCommits.NetOf(BackgroundPerSecond), WebhookOrders.Successes);

    public double HotCompanyShare => SpreadCompanies.PerSecond > 0 ? HotCompany.PerSecond / SpreadCompanies.PerSecond : double.NaN;

    public IEnumerable<LoadResult> Steps => [Reference, .. NewOrders, Replays, Previews, HotCompany, SpreadCompanies, WebhookOrders, .. History?.Steps ?? []];

    public IReadOnlyList<TargetCheck> Targets =>
    [
        new("new orders/s at 64 connections ÷ reference commits/s", F($"{Ratio:0.00}"), "≥ 0.35", Ratio >= 0.35),
        new("p99 latency of new orders at 64 connections", F($"{NewOrdersAt64.P99Ms:0.0} ms"), "≤ 100 ms", NewOrdersAt64.P99Ms <= 100),
        new("database commits per order (net of background)", F($"{CommitsPerOrderNet:0.00}"), "≤ 3", CommitsPerOrderNet <= 3),
        new("replays/s ÷ new orders/s at 64 connections", F($"{ReplaySpeedup:0.0}×"), "≥ 10×", ReplaySpeedup >= 10),
        new("one capped company's orders/s ÷ 64 capped companies' orders/s (64 connections)", F($"{HotCompanyShare:0.00}"), "≥ 0.80", HotCompanyShare >= 0.8),
        new("database commits per ten-line pricing call (net of background)", F($"{CommitsPerPreview:0.000}"), "0", CommitsPerPreview < 0.005),
        .. History is { } h ? HistoryTargets(h) : [],
    ];

    private static TargetCheck[] HistoryTargets(HistoryResults h)
    {
        var company = F($"{h.CompanyOrders:N0}-order company");
        var slowest = h.SlowestList;
        return
        [
            new(F($"p99 of a first page of GET /orders with a filter, {company} (slowest: {slowest.Name["list: ".Length..]})"), F($"{slowest.P99Ms:0.0} ms"), "≤ 100 ms", slowest.P99Ms <= 100),
            new(F($"p50 of new orders for the {company} ÷ for an empty company"), F($"{h.P50Ratio:0.00}"), "≤ 1.2", h.P50Ratio <= 1.2),
        ];
    }

    public static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static double Per(double commits, long operations) => operations > 0 ? commits / operations : double.NaN;
}
