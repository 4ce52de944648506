namespace OrderSilo.Contracts.Catalog;

/// <summary>Reads of the catalog's read model (stateless; served from PostgreSQL).</summary>
[Alias("OrderSilo.ICatalogQueryGrain")]
public interface ICatalogQueryGrain : IGrainWithIntegerKey
{
    /// <summary>Every product, ordered by code.</summary>
    [Alias("List")]
    Task<IReadOnlyList<Product>> List();

    /// <summary>The id of the product with this code, or null.</summary>
    [Alias("FindIdByCode")]
    Task<string?> FindIdByCode(string code);
}
