using System.Collections.Immutable;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Contracts.Pricing;

/// <summary>Validates a cart against the catalog and prices it (stateless: one activation per silo or more).</summary>
[Alias("OrderSilo.IPricingGrain")]
public interface IPricingGrain : IGrainWithIntegerKey
{
    /// <summary>The priced cart, or why it cannot be ordered (unknown product, bad denomination, quantity limit).</summary>
    [Alias("Price")]
    Task<Outcome<PricedOrder>> Price(PricingRequest request);

    /// <summary>
    /// The price list <paramref name="company"/> buys with: its own, else its nearest ancestor's; null when none
    /// has one (list prices). Takes the company its caller already holds, so the lookup starts without a call.
    /// </summary>
    [Alias("EffectivePriceList")]
    Task<ImmutableSortedDictionary<string, PriceListEntry>?> EffectivePriceList(Company company);

    /// <summary>The products as a company of <paramref name="accountId"/> buys them: its effective price list applied.</summary>
    [Alias("ForCompany")]
    Task<IReadOnlyList<Product>> ForCompany(string accountId, string companyId, IReadOnlyList<Product> products);
}
