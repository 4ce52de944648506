namespace OrderSilo.Grains.Orders;

public sealed class ClaimSweeperOptions
{
    /// <summary>How often claims are swept (Orleans reminders tick at most once a minute by default).</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How old a claim must be before the sweeper completes it: longer than any placement takes.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>At most this many claims per sweep.</summary>
    public int BatchSize { get; set; } = 500;
}
