namespace OrderSilo.Contracts.Accounts;

/// <summary>Reads of the accounts read model (stateless; served from PostgreSQL).</summary>
[Alias("OrderSilo.IAccountQueryGrain")]
public interface IAccountQueryGrain : IGrainWithIntegerKey
{
    /// <summary>Accounts in id order after <paramref name="afterAccountId"/>, at most <paramref name="limit"/>.</summary>
    [Alias("List")]
    Task<IReadOnlyList<Account>> List(string? afterAccountId, int limit);
}
