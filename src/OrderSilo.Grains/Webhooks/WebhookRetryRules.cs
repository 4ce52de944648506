namespace OrderSilo.Grains.Webhooks;

/// <summary>
/// When to try a failed delivery again, when to give up, and when an endpoint has failed long enough to be
/// disabled. Orleans-free and clock-free: the caller passes the time and the random draw.
/// </summary>
public static class WebhookRetryRules
{
    /// <summary>A 2xx answer is a success; anything else (3xx included: redirects are not followed) is a failure.</summary>
    public static bool IsSuccess(int? statusCode) => statusCode is >= 200 and <= 299;

    /// <summary>410 Gone: the receiver says it wants no more webhooks; the endpoint is disabled at once.</summary>
    public static bool IsGone(int? statusCode) => statusCode == 410;

    /// <summary>
    /// The wait after the <paramref name="failures"/>-th failure in a row: the initial delay doubled per earlier
    /// failure, capped, then "equal jitter" (half of it fixed, half drawn from <paramref name="random"/> in [0, 1))
    /// so that deliveries failed together do not come back together.
    /// </summary>
    public static TimeSpan Backoff(int failures, double random, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exponent = Math.Clamp(failures - 1, 0, 40);
        var capped = Math.Min(options.InitialRetryDelay.TotalMilliseconds * Math.Pow(2, exponent), options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + capped / 2 * Math.Clamp(random, 0, 1));
    }

    /// <summary>
    /// When to attempt a delivery again after a failed attempt at <paramref name="now"/>, or null to give up. Retries
    /// go on for the whole window from the first attempt, the last one at the window's end; a <c>Retry-After</c> the
    /// endpoint asked for is honoured up to the longest delay.
    /// </summary>
    public static DateTimeOffset? NextAttempt(
        int failures, DateTimeOffset firstAttemptAt, DateTimeOffset now, TimeSpan? retryAfter, double random, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var end = firstAttemptAt + options.RetryWindow;
        if (now >= end)
            return null;
        var wait = Backoff(failures, random, options);
        if (retryAfter is { } asked && asked > wait)
            wait = asked < options.MaxRetryDelay ? asked : options.MaxRetryDelay;
        var next = now + wait;
        return next < end ? next : end;
    }

    /// <summary>An endpoint failing without a single success since <paramref name="failingSince"/> for the whole window is disabled.</summary>
    public static bool DisablesEndpoint(DateTimeOffset? failingSince, DateTimeOffset now, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return failingSince is { } since && now - since >= options.RetryWindow;
    }
}
