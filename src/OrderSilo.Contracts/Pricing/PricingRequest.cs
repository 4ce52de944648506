using System.Collections.Immutable;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Contracts.Pricing;

/// <summary>What to price: the buyer, the lines, and what the order says about delivery.</summary>
/// <param name="BuyerCountry">ISO 3166 alpha-2 country of the buying company (selects VAT).</param>
/// <param name="Currency">The requested currency, or null for the products' currency.</param>
/// <param name="LineItems">The requested lines.</param>
/// <param name="HasRecipientPhone">True when the request carries the recipient's phone.</param>
/// <param name="PriceList">The buying company's effective price list, by product id; null for list prices.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.PricingRequest")]
public sealed record PricingRequest(
    [property: Id(0)] string BuyerCountry,
    [property: Id(1)] string? Currency,
    [property: Id(2)] ImmutableArray<OrderLineRequest> LineItems,
    [property: Id(3)] bool HasRecipientPhone,
    [property: Id(4)] ImmutableSortedDictionary<string, PriceListEntry>? PriceList = null);
