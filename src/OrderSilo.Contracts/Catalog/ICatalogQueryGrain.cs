namespace OrderSilo.Contracts.Catalog;

/// <summary>Reads of the catalog's read model (stateless; served from PostgreSQL).</summary>
[Alias("OrderSilo.ICatalogQueryGrain")]
public interface ICatalogQueryGrain : IGrainWithIntegerKey
{
    /// <summary>Products in id order after <paramref name="afterProductId"/>, at most <paramref name="limit"/>.</summary>
    [Alias("List")]
    Task<IReadOnlyList<Product>> List(string? afterProductId, int limit);

    /// <summary>The id of the product with this code, or null.</summary>
    [Alias("FindIdByCode")]
    Task<string?> FindIdByCode(string code);
}
