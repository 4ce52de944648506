using OrderSilo.Contracts.Common;

namespace OrderSilo.Contracts.Accounts;

/// <summary>The list of the operator's API clients (scope <c>admin</c>), one grain for the deployment (key 0).</summary>
[Alias("OrderSilo.IOperatorClientsGrain")]
public interface IOperatorClientsGrain : IGrainWithIntegerKey
{
    /// <summary>Lists an operator client; repeating it changes nothing.</summary>
    [Alias("Add")]
    Task Add(string clientId);

    /// <summary>Operator clients in id order after <paramref name="afterClientId"/>, at most <paramref name="limit"/>, revoked ones too.</summary>
    [Alias("List")]
    Task<IReadOnlyList<ApiClient>> List(string? afterClientId, int limit);

    /// <summary>Revokes an operator client: it gets no new tokens, whatever start-up provisioning says later.</summary>
    [Alias("Revoke")]
    Task<Outcome<ApiClient>> Revoke(string clientId);
}
