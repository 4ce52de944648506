using System.Collections.Immutable;
using OrderSilo.Contracts.Accounts;
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

    public async Task<IReadOnlyList<Product>> ForCompany(string accountId, string companyId, IReadOnlyList<Product> products)
    {
        var company = await grains.GetGrain<ICompanyGrain>(companyId).GetFor(accountId);
        var list = company is null ? null : await EffectivePriceList(company);
        return [.. products.Select(p => PriceListRules.Effective(p, list))];
    }

    public async Task<ImmutableSortedDictionary<string, PriceListEntry>?> EffectivePriceList(Company company)
    {
        // Accounts are a few levels deep; the bound only guards against a cycle.
        for (var (current, depth) = (company, 0); current is not null && depth < 16; depth++)
        {
            if (await grains.GetGrain<IPriceListGrain>("pl_" + current.Id).Get() is { } list)
                return list;
            current = current.ParentCompanyId is { } parent
                ? await grains.GetGrain<ICompanyGrain>(parent).GetFor(company.AccountId)
                : null;
        }
        return null;
    }
}
