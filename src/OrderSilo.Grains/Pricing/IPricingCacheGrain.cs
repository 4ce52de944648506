namespace OrderSilo.Grains.Pricing;

/// <summary>One silo's pricing cache, keyed by the silo's address and placed on it (<see cref="SiloPinnedPlacement"/>).</summary>
[Alias("OrderSilo.IPricingCacheGrain")]
public interface IPricingCacheGrain : IGrainWithStringKey
{
    /// <summary>Drops what <paramref name="change"/> names from the cache of the silo this activation runs on.</summary>
    [Alias("Changed")]
    Task Changed(PricingChange change);
}
