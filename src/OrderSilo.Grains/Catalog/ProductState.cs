using OrderSilo.Contracts.Catalog;

namespace OrderSilo.Grains.Catalog;

/// <summary>Stored as <c>{"product": …}</c>; projected to the <c>products</c> table.</summary>
public sealed record ProductState(Product? Product = null);
