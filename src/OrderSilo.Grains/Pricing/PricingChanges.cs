namespace OrderSilo.Grains.Pricing;

public static class PricingChanges
{
    /// <summary>
    /// Tells the pricing cache of every active silo, and returns once they all dropped what changed: the operator's
    /// call that made the change answers only then, so the next price, on any silo, sees it. A silo that joins later
    /// starts with an empty cache.
    /// </summary>
    public static async Task PublishAsync(IGrainFactory grains, PricingChange change)
    {
        var silos = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        await Task.WhenAll(silos.Keys.Select(silo => grains.GetGrain<IPricingCacheGrain>(silo.ToParsableString()).Changed(change)));
    }
}
