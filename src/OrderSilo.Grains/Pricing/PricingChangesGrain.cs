using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace OrderSilo.Grains.Pricing;

/// <summary>
/// Reentrant so that a publication waiting on a slow subscriber does not hold up subscriptions or other
/// publications: every method changes the subscriber list and the version within one synchronous turn.
/// </summary>
[Reentrant]
internal sealed partial class PricingChangesGrain(TimeProvider clock, ILogger<PricingChangesGrain> logger) : Grain, IPricingChangesGrain
{
    /// <summary>How long a subscription lasts without being renewed (subscribers renew every third of it).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(90);

    // A subscriber on a silo that died is answered for by membership within seconds; this bounds the wait before that.
    private static readonly TimeSpan NotifyTimeout = TimeSpan.FromSeconds(5);

    private readonly Guid _epoch = Guid.NewGuid();
    private readonly Dictionary<GrainId, (IPricingCacheObserver Observer, DateTimeOffset Until)> _subscribers = [];
    private long _version;

    public Task<PricingSubscription> Subscribe(IPricingCacheObserver observer)
    {
        _subscribers[observer.GetGrainId()] = (observer, clock.GetUtcNow() + Lease);
        return Task.FromResult(new PricingSubscription(_epoch, _version));
    }

    public async Task Publish(PricingChange change)
    {
        var version = ++_version;
        var now = clock.GetUtcNow();
        foreach (var expired in _subscribers.Where(s => s.Value.Until < now).Select(s => s.Key).ToList())
            _subscribers.Remove(expired);
        await Task.WhenAll(_subscribers.ToList().Select(subscriber => NotifyAsync(subscriber.Key, subscriber.Value.Observer, change, version)));
    }

    private async Task NotifyAsync(GrainId id, IPricingCacheObserver observer, PricingChange change, long version)
    {
        try
        {
            await observer.Changed(change, _epoch, version).WaitAsync(NotifyTimeout);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Dropped: when it renews it sees a version it missed and empties its cache.
            _subscribers.Remove(id);
            LogNotifyFailed(logger, error, id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pricing cache {Subscriber} was not told of a change; it will empty its cache when it renews")]
    private static partial void LogNotifyFailed(ILogger logger, Exception error, GrainId subscriber);
}
