using System.Collections.Immutable;
using OrderSilo.Contracts.Pricing;

namespace OrderSilo.Grains.Pricing;

/// <summary>Stored as <c>{"entries": {productId: entry}}</c>; null entries: the company has no list of its own.</summary>
public sealed record PriceListState
{
    public ImmutableSortedDictionary<string, PriceListEntry>? Entries { get; init; }
}
