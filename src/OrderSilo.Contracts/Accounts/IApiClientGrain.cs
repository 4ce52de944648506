using OrderSilo.Contracts.Common;

namespace OrderSilo.Contracts.Accounts;

/// <summary>One API client, keyed by its id (<c>cli_…</c>). Holds only a hash of the secret.</summary>
[Alias("OrderSilo.IApiClientGrain")]
public interface IApiClientGrain : IGrainWithStringKey
{
    /// <summary>
    /// Registers the client with this secret. Repeating the call with the same account and scope (re-)sets the
    /// secret, so configured credentials win on every start; a client of another account is refused. A revoked
    /// client stays revoked, secret and all: the answer says so.
    /// </summary>
    [Alias("Register")]
    Task<Outcome<ApiClient>> Register(ApiClient client, string secret);

    /// <summary>The client when the secret matches and it is not revoked, and whether the client exists at all.</summary>
    [Alias("Authenticate")]
    Task<Authentication> Authenticate(string secret);

    /// <summary>The client, or null when it does not exist.</summary>
    [Alias("Get")]
    Task<ApiClient?> Get();

    /// <summary>Revokes the client: it gets no new tokens.</summary>
    [Alias("Revoke")]
    Task<ApiClient?> Revoke();
}
