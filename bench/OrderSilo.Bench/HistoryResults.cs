namespace OrderSilo.Bench;

/// <summary>What the order-history step measured: first pages of the order list over a large history, and new orders.</summary>
internal sealed record HistoryResults
{
    /// <summary>Orders seeded for the one large company.</summary>
    public required int CompanyOrders { get; init; }
    /// <summary>Orders seeded for its account, the large company's included.</summary>
    public required int AccountOrders { get; init; }
    public required TimeSpan SeedTime { get; init; }
    public required TimeSpan AnalyzeTime { get; init; }
    public required TimeSpan RemoveTime { get; init; }
    public required IReadOnlyList<(ListFilter Filter, LoadResult Result)> Lists { get; init; }
    public required LoadResult LargeCompanyOrders { get; init; }
    public required LoadResult EmptyCompanyOrders { get; init; }

    public LoadResult SlowestList => Lists.Select(l => l.Result).MaxBy(r => r.P99Ms)!;
    public double P50Ratio => EmptyCompanyOrders.P50Ms > 0 ? LargeCompanyOrders.P50Ms / EmptyCompanyOrders.P50Ms : double.NaN;

    public IEnumerable<LoadResult> Steps => [.. Lists.Select(l => l.Result), LargeCompanyOrders, EmptyCompanyOrders];
}
