using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Contracts.Promotions;
using Orleans.Concurrency;

namespace OrderSilo.Grains.Pricing;

/// <summary>
/// Validates and prices carts. Stateless, so Orleans runs it locally on every silo that calls it; everything it
/// needs comes from the silo's <see cref="PricingCache"/>, so a warm call does no database work and no remote call.
/// </summary>
[StatelessWorker]
internal sealed class PricingGrain(PricingCache cache, IGrainFactory grains, TimeProvider clock) : Grain, IPricingGrain
{
    public async Task<Outcome<PricedOrder>> Price(PricingRequest request)
    {
        var products = Task.WhenAll(request.LineItems.Select(line => cache.ProductAsync(line.ProductId)));
        var priceList = request.CompanyId is { } companyId ? cache.PriceListAsync(companyId) : Task.FromResult<System.Collections.Immutable.ImmutableSortedDictionary<string, PriceListEntry>?>(null);
        var coupons = Task.WhenAll(request.CouponCodes.Select(code => cache.CouponAsync(CouponCodes.Normalize(code))));
        var instant = cache.InstantPromotionsAsync();
        var taxes = cache.TaxesAsync();
        return PriceCalculator.Price(request, new PricingInputs
        {
            Products = await products,
            PriceList = await priceList,
            Coupons = await coupons,
            InstantPromotions = await instant,
            Taxes = await taxes,
            Now = clock.GetUtcNow(),
        });
    }

    public async Task<IReadOnlyList<Product>> ForCompany(string accountId, string companyId, IReadOnlyList<Product> products)
    {
        var company = Ids.IsValid(companyId, "co_") ? await grains.GetGrain<ICompanyGrain>(companyId).GetFor(accountId) : null;
        var list = company is null ? null : await cache.PriceListAsync(company.Id);
        return [.. products.Select(p => PriceListRules.Effective(p, list))];
    }
}
