using OrderSilo.Contracts.Common;

namespace OrderSilo.Contracts.Accounts;

/// <summary>One company, keyed by its id (<c>co_…</c>).</summary>
[Alias("OrderSilo.ICompanyGrain")]
public interface ICompanyGrain : IGrainWithStringKey
{
    /// <summary>Creates the company; a repeated identical call is harmless.</summary>
    [Alias("Create")]
    Task<Outcome<Company>> Create(Company company);

    /// <summary>The company when it exists and belongs to <paramref name="accountId"/>; otherwise null.</summary>
    [Alias("GetFor")]
    Task<Company?> GetFor(string accountId);
}
