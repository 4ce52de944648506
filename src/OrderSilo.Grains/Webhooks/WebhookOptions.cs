namespace OrderSilo.Grains.Webhooks;

/// <summary>Settings of webhook registration and delivery (section <c>OrderSilo:Webhooks</c>; docs/webhooks.md).</summary>
public sealed class WebhookOptions
{
    /// <summary>
    /// Development and tests only: URLs on loopback, private and link-local addresses are accepted, and such URLs
    /// may be plain <c>http</c>. Off in production, where only <c>https</c> URLs on public addresses are.
    /// </summary>
    public bool AllowLocalUrls { get; set; }

    /// <summary>How long an endpoint has to answer one attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The wait after the first failed attempt; it doubles after each failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// How long a delivery is retried after its first attempt (the last attempt is made at its end), and how long an
    /// endpoint may fail without a single success before it is disabled.
    /// </summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How often each silo looks for due deliveries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many requests in flight to one endpoint, across the cluster.</summary>
    public int PerEndpointConcurrency { get; set; } = 4;

    /// <summary>At most this many endpoints served at once by one silo.</summary>
    public int EndpointsPerSilo { get; set; } = 64;

    /// <summary>How long one silo serves one endpoint before letting it go (others get their turn).</summary>
    public TimeSpan ServeTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A body larger than this is sent without the order's lines, vouchers and history (<c>truncated: true</c>).</summary>
    public int MaxPayloadBytes { get; set; } = 256 * 1024;

    /// <summary>Events older than this are deleted once none of their deliveries is pending.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How many endpoints one account may register.</summary>
    public int MaxEndpointsPerAccount { get; set; } = 16;

    /// <summary>
    /// How long a silo's claim on an endpoint lasts without being renewed (each finished attempt renews it): long
    /// enough for one attempt, short enough that another silo takes over soon after this one dies.
    /// </summary>
    public TimeSpan Lease => Timeout * 2 + TimeSpan.FromSeconds(5);

    /// <summary>What is out of range, named as the environment variables that set it; null when all is well.</summary>
    public string? Validate()
    {
        const string Section = "OrderSilo__Webhooks__";
        if (Timeout <= TimeSpan.Zero || InitialRetryDelay <= TimeSpan.Zero || RetryWindow <= TimeSpan.Zero || PollInterval <= TimeSpan.Zero || ServeTime <= TimeSpan.Zero)
            return $"{Section}Timeout, …InitialRetryDelay, …RetryWindow, …PollInterval and …ServeTime must be positive.";
        if (MaxRetryDelay < InitialRetryDelay)
            return $"{Section}MaxRetryDelay ({MaxRetryDelay}) must be at least {Section}InitialRetryDelay ({InitialRetryDelay}).";
        if (Retention < RetryWindow)
            return $"{Section}Retention ({Retention}) must be at least {Section}RetryWindow ({RetryWindow}): events are kept while they may be retried.";
        if (PerEndpointConcurrency < 1 || EndpointsPerSilo < 1 || MaxEndpointsPerAccount < 1)
            return $"{Section}PerEndpointConcurrency, …EndpointsPerSilo and …MaxEndpointsPerAccount must be at least 1.";
        return MaxPayloadBytes < 1024 ? $"{Section}MaxPayloadBytes ({MaxPayloadBytes}) must be at least 1024." : null;
    }
}
