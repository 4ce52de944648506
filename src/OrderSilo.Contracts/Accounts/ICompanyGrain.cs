using OrderSilo.Contracts.Common;

namespace OrderSilo.Contracts.Accounts;

/// <summary>One company, keyed by its id (<c>co_…</c>).</summary>
[Alias("OrderSilo.ICompanyGrain")]
public interface ICompanyGrain : IGrainWithStringKey
{
    /// <summary>Creates the company; a repeated identical call is harmless.</summary>
    [Alias("Create")]
    Task<Outcome<Company>> Create(Company company);

    /// <summary>
    /// Changes profile fields of a company of <paramref name="accountId"/>: each entry sets a field named in
    /// <see cref="CompanyProfileFields"/>, a null value clears it. Not found for another account's company.
    /// </summary>
    [Alias("UpdateProfile")]
    Task<Outcome<Company>> UpdateProfile(string accountId, System.Collections.Immutable.ImmutableSortedDictionary<string, string?> changes);

    /// <summary>The company when it exists and belongs to <paramref name="accountId"/>; otherwise null.</summary>
    [Alias("GetFor")]
    Task<Company?> GetFor(string accountId);
}
