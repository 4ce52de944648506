using System.Collections.Immutable;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Contracts.Pricing;

/// <summary>One company's price list, keyed <c>pl_{companyId}</c>. A company without one uses its parent's.</summary>
[Alias("OrderSilo.IPriceListGrain")]
public interface IPriceListGrain : IGrainWithStringKey
{
    /// <summary>The list's entries by product id, or null when the company has no list of its own.</summary>
    [Alias("Get")]
    Task<ImmutableSortedDictionary<string, PriceListEntry>?> Get();

    /// <summary>Replaces the list; refused when an entry names an unknown product or an amount it cannot have.</summary>
    [Alias("Put")]
    Task<Outcome<ImmutableSortedDictionary<string, PriceListEntry>>> Put(ImmutableArray<PriceListEntry> entries);
}
