namespace OrderSilo.Grains.Pricing;

public static class PricingChanges
{
    /// <summary>Tells every silo's pricing cache; the operator's call returns once they know.</summary>
    public static Task PublishAsync(IGrainFactory grains, PricingChange change) =>
        grains.GetGrain<IPricingChangesGrain>(0).Publish(change);
}
