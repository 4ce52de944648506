using Microsoft.Extensions.DependencyInjection;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Grains.Pricing;
using Orleans.TestingHost;

namespace OrderSilo.Grains.Tests.Cluster;

/// <summary>The silos' pricing caches: what an operator changes is priced at once, on every silo.</summary>
[Collection(SharedCluster.Name)]
public sealed class PricingCacheTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task Caches_AfterTheOperatorChangesAProduct_HoldTheNewProductOnEverySilo()
    {
        var tenant = await TestTenant.CreateAsync(Grains);
        var before = await Task.WhenAll(Caches().Select(cache => cache.ProductAsync(tenant.Product.ProductId)));

        await TestTenant.PutProductAsync(Grains, tenant.Product with { AffiliateCommissionPercent = 10m });
        var after = await Task.WhenAll(Caches().Select(cache => cache.ProductAsync(tenant.Product.ProductId)));

        Assert.Equal(2, before.Length);
        Assert.All(before, product => Assert.Null(product!.AffiliateCommissionPercent));
        Assert.All(after, product => Assert.Equal(10m, product!.AffiliateCommissionPercent));
    }

    [Fact]
    public async Task Caches_AfterTheOperatorChangesTheTaxTable_HoldTheNewTableOnEverySilo()
    {
        var taxes = Grains.GetGrain<ITaxTableGrain>(0);
        var category = "cached-" + Guid.NewGuid().ToString("N")[..8];
        await Task.WhenAll(Caches().Select(cache => cache.TaxesAsync()));

        await taxes.Put([.. TaxTable.Default.Rates, new TaxRate("DE", category, 7m)]);
        var after = await Task.WhenAll(Caches().Select(cache => cache.TaxesAsync()));
        await taxes.Put(TaxTable.Default.Rates);

        Assert.All(after, table => Assert.Equal(7m, table.PercentFor("DE", category)));
    }

    private IEnumerable<PricingCache> Caches() =>
        fixture.Cluster.GetActiveSilos().Cast<InProcessSiloHandle>().Select(silo => silo.SiloHost.Services.GetRequiredService<PricingCache>());
}
