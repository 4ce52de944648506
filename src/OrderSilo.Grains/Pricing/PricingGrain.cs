using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Pricing;
using Orleans.Concurrency;

namespace OrderSilo.Grains.Pricing;

/// <summary>Validates and prices carts. Stateless, so Orleans runs it locally on every silo that calls it.</summary>
[StatelessWorker]
internal sealed class PricingGrain(IGrainFactory grains) : Grain, IPricingGrain
{
    public async Task<Outcome<PricedOrder>> Price(PricingRequest request)
    {
        // Product grains answer from memory once active: pricing does no database work.
        var products = await Task.WhenAll(request.LineItems.Select(line =>
            Ids.IsValid(line.ProductId, "prd_") ? grains.GetGrain<IProductGrain>(line.ProductId).Get() : Task.FromResult<Product?>(null)));
        return PriceCalculator.Price(request, products, TaxTable.Default);
    }
}
