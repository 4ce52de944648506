using System.Collections.Immutable;
using OrderSilo.Contracts.Pricing;

namespace OrderSilo.Grains.Pricing;

/// <summary>Stored as <c>{"rates": [{"country", "taxCategory", "percent"}] | null}</c>; null: the defaults. Not projected.</summary>
public sealed record TaxTableState
{
    public ImmutableArray<TaxRate>? Rates { get; init; }
}
