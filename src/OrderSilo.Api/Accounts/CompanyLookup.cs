using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Api.Accounts;

public static class CompanyLookup
{
    /// <summary>
    /// The company when the id is well formed and the company belongs to <paramref name="accountId"/>; otherwise
    /// null, which every endpoint answers with 404 (never revealing that another account's company exists).
    /// </summary>
    public static async Task<Company?> InAccountAsync(this IClusterClient cluster, string accountId, string? companyId) =>
        Ids.IsValid(companyId, "co_") ? await cluster.GetGrain<ICompanyGrain>(companyId!).GetFor(accountId) : null;
}
