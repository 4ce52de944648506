using OrderSilo.Contracts.Common;

namespace OrderSilo.Contracts.Catalog;

/// <summary>One product of the catalog, keyed by its id (<c>prd_…</c>).</summary>
[Alias("OrderSilo.IProductGrain")]
public interface IProductGrain : IGrainWithStringKey
{
    /// <summary>The product, or null when it does not exist.</summary>
    [Alias("Get")]
    Task<Product?> Get();

    /// <summary>Creates or replaces the product; refused when another product has its code.</summary>
    [Alias("Put")]
    Task<Outcome<Product>> Put(Product product);
}
