using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Contracts.Pricing;

/// <summary>
/// Validates a cart against the catalog and prices it, for orders, quotes and previews alike. Stateless: Orleans
/// runs it on every silo that calls it, and it answers from the silo's pricing cache, with no database work.
/// </summary>
[Alias("OrderSilo.IPricingGrain")]
public interface IPricingGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// The priced cart, or why it cannot be ordered (unknown product, bad denomination, quantity limit, mixed
    /// currencies). Coupons that cannot be used do not fail it: they are in <see cref="PricedOrder.Errors"/>.
    /// </summary>
    [Alias("Price")]
    Task<Outcome<PricedOrder>> Price(PricingRequest request);

    /// <summary>The products as a company of <paramref name="accountId"/> buys them: its effective price list applied.</summary>
    [Alias("ForCompany")]
    Task<IReadOnlyList<Product>> ForCompany(string accountId, string companyId, IReadOnlyList<Product> products);
}
