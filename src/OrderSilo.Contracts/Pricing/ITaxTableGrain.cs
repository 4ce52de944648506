using System.Collections.Immutable;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Contracts.Pricing;

/// <summary>The tax table the operator sets (key 0); until set, the default rates (docs/pricing.md, "VAT").</summary>
[Alias("OrderSilo.ITaxTableGrain")]
public interface ITaxTableGrain : IGrainWithIntegerKey
{
    /// <summary>The rows in force.</summary>
    [Alias("Get")]
    Task<ImmutableArray<TaxRate>> Get();

    /// <summary>Replaces the table; <c>validation_failed</c> naming a bad row.</summary>
    [Alias("Put")]
    Task<Outcome<ImmutableArray<TaxRate>>> Put(ImmutableArray<TaxRate> rates);
}
