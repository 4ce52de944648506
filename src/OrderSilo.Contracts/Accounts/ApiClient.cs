namespace OrderSilo.Contracts.Accounts;

/// <summary>An API client as others may see it: never its secret.</summary>
/// <param name="ClientId">The id, <c>cli_…</c>.</param>
/// <param name="AccountId">The account it acts for; empty for operator clients.</param>
/// <param name="HomeCompanyId">The account's home company; empty for operator clients.</param>
/// <param name="Name">A name for people.</param>
/// <param name="Scope">The OAuth scope it is granted: <c>orders</c> or <c>admin</c>.</param>
/// <param name="Revoked">True once revoked: it gets no new tokens.</param>
/// <param name="CreatedAt">When the client was first registered.</param>
/// <param name="LastLogin">When it last got a token, to within 15 minutes.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.ApiClient")]
public sealed record ApiClient(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string AccountId,
    [property: Id(2)] string HomeCompanyId,
    [property: Id(3)] string Name,
    [property: Id(4)] string Scope,
    [property: Id(5)] bool Revoked,
    [property: Id(6)] DateTimeOffset? CreatedAt = null,
    [property: Id(7)] DateTimeOffset? LastLogin = null);
