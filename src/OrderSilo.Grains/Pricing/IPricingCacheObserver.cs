namespace OrderSilo.Grains.Pricing;

/// <summary>A silo's pricing cache, told of changes by <see cref="IPricingChangesGrain"/>.</summary>
[Alias("OrderSilo.IPricingCacheObserver")]
public interface IPricingCacheObserver : IGrainObserver
{
    /// <summary>Drops what <paramref name="change"/> names; <paramref name="version"/> numbers the hub's changes.</summary>
    [Alias("Changed")]
    Task Changed(PricingChange change, Guid epoch, long version);
}
