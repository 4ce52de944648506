namespace OrderSilo.Grains.Pricing;

/// <summary>
/// Runs on the silo its key names, so telling it of a change empties that silo's cache. Should that silo be gone,
/// the activation lands on another one and drops entries there: harmless, a cache only reloads.
/// </summary>
[GrainType("pricingcache")]
[SiloPinnedPlacement]
internal sealed class PricingCacheGrain(PricingCache cache) : Grain, IPricingCacheGrain
{
    public Task Changed(PricingChange change)
    {
        cache.Drop(change);
        return Task.CompletedTask;
    }
}
