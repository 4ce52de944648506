using System.Collections.Immutable;
using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Grains.Infrastructure;
using Orleans.Concurrency;

namespace OrderSilo.Grains.Pricing;

[GrainType("pricelist")]
internal sealed class PriceListGrain(
    [PersistentState("priceList", StorageNames.Catalog)] IPersistentState<PriceListState> state,
    IGrainFactory grains) : Grain, IPriceListGrain
{
    [ReadOnly]
    public Task<ImmutableSortedDictionary<string, PriceListEntry>?> Get() => Task.FromResult(state.State.Entries);

    public async Task<Outcome<ImmutableSortedDictionary<string, PriceListEntry>>> Put(ImmutableArray<PriceListEntry> entries)
    {
        for (var i = 0; i < entries.Length; i++)
        {
            var product = Ids.IsValid(entries[i].ProductId, "prd_") ? await grains.GetGrain<IProductGrain>(entries[i].ProductId).Get() : null;
            if (PriceListRules.Problem(entries[i], product) is { } problem)
                return Outcome<ImmutableSortedDictionary<string, PriceListEntry>>.Fail(
                    product is null ? ErrorCodes.NotFound : ErrorCodes.ValidationFailed, problem, $"entries[{i}]");
        }
        var list = entries.ToImmutableSortedDictionary(e => e.ProductId, e => e, StringComparer.Ordinal);
        await state.ChangeAndWriteAsync(this, _ => new PriceListState { Entries = list });
        // A list applies to the company's descendants without lists of their own: every cached list goes.
        await PricingChanges.PublishAsync(grains, new PricingChange(PricingChange.PriceLists));
        return Outcome<ImmutableSortedDictionary<string, PriceListEntry>>.Ok(list);
    }
}
