using System.Collections.Immutable;
using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Contracts.Pricing;

/// <summary>A priced, validated cart.</summary>
/// <param name="Currency">The order's currency.</param>
/// <param name="LineItems">The priced lines, in request order.</param>
/// <param name="Totals">The totals.</param>
/// <param name="Products">The product of each line, as priced (same order as the lines).</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.PricedOrder")]
public sealed record PricedOrder(
    [property: Id(0)] string Currency,
    [property: Id(1)] ImmutableArray<OrderLine> LineItems,
    [property: Id(2)] OrderTotals Totals,
    [property: Id(3)] ImmutableArray<Product> Products);
