namespace OrderSilo.Grains.Pricing;

/// <summary>
/// Tells every silo's pricing cache what an operator changed (one per cluster, key 0). It keeps no state: the
/// subscribers renew their subscriptions, and a new activation (a new epoch) makes them drop everything.
/// </summary>
[Alias("OrderSilo.IPricingChangesGrain")]
public interface IPricingChangesGrain : IGrainWithIntegerKey
{
    /// <summary>Subscribes or renews; a subscriber not renewed for <see cref="PricingChangesGrain.Lease"/> is dropped.</summary>
    [Alias("Subscribe")]
    Task<PricingSubscription> Subscribe(IPricingCacheObserver observer);

    /// <summary>Tells every subscriber; returns once they were told (or did not answer in time).</summary>
    [Alias("Publish")]
    Task Publish(PricingChange change);
}
