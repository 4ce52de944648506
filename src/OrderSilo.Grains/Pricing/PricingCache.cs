using System.Collections.Concurrent;
using System.Collections.Immutable;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Contracts.Promotions;
using OrderSilo.Grains.Promotions;

namespace OrderSilo.Grains.Pricing;

/// <summary>
/// One per silo: what pricing needs (products, effective price lists, promotions, coupons, the tax table), loaded
/// from the grains that own it on first use and kept until an operator's change drops it (<see cref="PricingChanges"/>).
/// Entries are tasks, so concurrent misses share one load; a change that lands while a load is under way drops
/// that load's entry as well (the generation check), so a value read before a change is never kept after it.
/// </summary>
internal sealed class PricingCache(IGrainFactory grains)
{
    private const int MaxCoupons = 10_000;

    private readonly ConcurrentDictionary<string, Task<Product?>> _products = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<ImmutableSortedDictionary<string, PriceListEntry>?>> _priceLists = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<CouponOffer?>> _coupons = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<ImmutableArray<Promotion>>> _instant = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<TaxTable>> _taxes = new(StringComparer.Ordinal);
    private long _generation;

    public Task<Product?> ProductAsync(string productId) =>
        Cached(_products, productId, id => Contracts.Common.Ids.IsValid(id, "prd_") ? grains.GetGrain<IProductGrain>(id).Get() : Task.FromResult<Product?>(null));

    /// <summary>The price list the company buys with: its own, else its nearest ancestor's; null when none has one.</summary>
    public Task<ImmutableSortedDictionary<string, PriceListEntry>?> PriceListAsync(string companyId) =>
        Cached(_priceLists, companyId, EffectivePriceListAsync);

    public Task<ImmutableArray<Promotion>> InstantPromotionsAsync() => Cached(_instant, "", _ => LoadInstantAsync());

    /// <summary>What the (normalised) coupon code offers, or null for an unknown code.</summary>
    public Task<CouponOffer?> CouponAsync(string code)
    {
        if (_coupons.Count > MaxCoupons)
            _coupons.Clear();
        return Cached(_coupons, code, LookUpCouponAsync);
    }

    public Task<TaxTable> TaxesAsync() =>
        Cached(_taxes, "", async _ => new TaxTable(await grains.GetGrain<ITaxTableGrain>(0).Get()));

    /// <summary>Drops what <paramref name="change"/> names; the next use loads it again.</summary>
    public void Drop(PricingChange change)
    {
        Interlocked.Increment(ref _generation);
        switch (change.Kind)
        {
            case PricingChange.Product:
                _products.TryRemove(change.Key ?? "", out _);
                break;
            case PricingChange.PriceLists:
                _priceLists.Clear();
                break;
            case PricingChange.Promotion:
                _instant.Clear();
                _coupons.Clear();
                break;
            case PricingChange.Coupon:
                _coupons.TryRemove(change.Key ?? "", out _);
                break;
            case PricingChange.Taxes:
                _taxes.Clear();
                break;
            default:
                ClearAll();
                break;
        }
    }

    private void ClearAll()
    {
        Interlocked.Increment(ref _generation);
        _products.Clear();
        _priceLists.Clear();
        _instant.Clear();
        _coupons.Clear();
        _taxes.Clear();
    }

    private Task<T> Cached<T>(ConcurrentDictionary<string, Task<T>> entries, string key, Func<string, Task<T>> load)
    {
        if (entries.TryGetValue(key, out var cached) && !cached.IsFaulted && !cached.IsCanceled)
            return cached;
        var generation = Interlocked.Read(ref _generation);
        var loading = load(key);
        entries[key] = loading;
        if (Interlocked.Read(ref _generation) != generation)
            entries.TryRemove(KeyValuePair.Create(key, loading));
        return loading;
    }

    private async Task<ImmutableSortedDictionary<string, PriceListEntry>?> EffectivePriceListAsync(string companyId)
    {
        // Accounts are a few levels deep; the bound only guards against a cycle.
        var current = companyId;
        for (var depth = 0; current is not null && depth < 16; depth++)
        {
            if (await grains.GetGrain<IPriceListGrain>("pl_" + current).Get() is { } list)
                return list;
            current = (await grains.GetGrain<ICompanyGrain>(current).GetAny())?.ParentCompanyId;
        }
        return null;
    }

    private async Task<ImmutableArray<Promotion>> LoadInstantAsync()
    {
        var codes = await grains.GetGrain<IPromotionDirectoryGrain>(0).InstantCodes();
        var promotions = await Task.WhenAll(codes.Select(code => grains.GetGrain<IPromotionGrain>(PromotionKeys.Of(code)).Get()));
        return [.. promotions.Where(p => p is { InstantDiscount: true }).Select(p => p!)];
    }

    private async Task<CouponOffer?> LookUpCouponAsync(string code)
    {
        if (!CouponCodes.IsWellFormed(code))
            return null;
        var promotionCode = await grains.GetGrain<ICouponGrain>(PromotionKeys.OfCoupon(code)).PromotionCode();
        return promotionCode is null ? null : await grains.GetGrain<IPromotionGrain>(PromotionKeys.Of(promotionCode)).Offer(code);
    }
}
