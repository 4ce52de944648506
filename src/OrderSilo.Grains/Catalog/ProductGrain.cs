using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Common;
using OrderSilo.Grains.Infrastructure;
using OrderSilo.Grains.Pricing;
using Orleans.Concurrency;

namespace OrderSilo.Grains.Catalog;

[GrainType("product")]
internal sealed class ProductGrain(
    [PersistentState("product", StorageNames.Catalog)] IPersistentState<ProductState> state,
    IGrainFactory grains) : Grain, IProductGrain
{
    [ReadOnly]
    public Task<Product?> Get() => Task.FromResult(state.State.Product);

    public async Task<Outcome<Product>> Put(Product product)
    {
        var normalized = ProductRules.Normalize(product with { ProductId = this.GetPrimaryKeyString() });
        // The unique index on products.code is the last word; this check turns the common case into a clear 409.
        var holder = await grains.GetGrain<ICatalogQueryGrain>(0).FindIdByCode(normalized.Code);
        if (holder is not null && holder != normalized.ProductId)
            return Outcome<Product>.Fail(ErrorCodes.Conflict, $"Product '{holder}' already has code '{normalized.Code}'.", "code");
        await state.ChangeAndWriteAsync(this, s => s with { Product = normalized });
        await PricingChanges.PublishAsync(grains, new PricingChange(PricingChange.Product, normalized.ProductId));
        return Outcome<Product>.Ok(normalized);
    }
}
