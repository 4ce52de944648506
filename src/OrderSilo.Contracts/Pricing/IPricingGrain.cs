using OrderSilo.Contracts.Common;

namespace OrderSilo.Contracts.Pricing;

/// <summary>Validates a cart against the catalog and prices it (stateless: one activation per silo or more).</summary>
[Alias("OrderSilo.IPricingGrain")]
public interface IPricingGrain : IGrainWithIntegerKey
{
    /// <summary>The priced cart, or why it cannot be ordered (unknown product, bad denomination, quantity limit).</summary>
    [Alias("Price")]
    Task<Outcome<PricedOrder>> Price(PricingRequest request);
}
