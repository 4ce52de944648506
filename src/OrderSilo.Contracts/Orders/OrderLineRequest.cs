using System.Collections.Immutable;

namespace OrderSilo.Contracts.Orders;

/// <summary>One requested line of an order or quote.</summary>
/// <param name="ProductId">The product, <c>prd_…</c>.</param>
/// <param name="Quantity">Units, from 1 to the product's order quantity limit.</param>
/// <param name="Denomination">The value of each voucher (vouchers only).</param>
/// <param name="ProductDetails">Product-specific details, as text.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.OrderLineRequest")]
public sealed record OrderLineRequest(
    [property: Id(0)] string ProductId,
    [property: Id(1)] int Quantity,
    [property: Id(2)] decimal? Denomination,
    [property: Id(3)] ImmutableSortedDictionary<string, string>? ProductDetails = null);
