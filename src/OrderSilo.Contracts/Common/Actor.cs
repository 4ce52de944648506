namespace OrderSilo.Contracts.Common;

/// <summary>
/// Who asks for an action: the grains judge it by <see cref="Role"/> (docs/security.md) and record
/// <see cref="Name"/> with what it did (an order's <c>history[].actor</c>, a company's change log).
/// </summary>
/// <param name="Role">The party of the trust model.</param>
/// <param name="Name">The API client id; <c>system</c> or <c>gateway</c> for those two.</param>
/// <param name="AccountId">A tenant's account (the token's, never the request's); null for the others.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.Actor")]
public sealed record Actor(
    [property: Id(0)] ActorRole Role,
    [property: Id(1)] string Name,
    [property: Id(2)] string? AccountId = null)
{
    /// <summary>The cluster's own timed steps.</summary>
    public static readonly Actor System = new(ActorRole.System, "system");

    /// <summary>The payment gateway: money it moved itself (a card paid on the pay page).</summary>
    public static readonly Actor Gateway = new(ActorRole.Gateway, "gateway");

    /// <summary>An API client of <paramref name="accountId"/>.</summary>
    public static Actor Tenant(string clientId, string accountId) => new(ActorRole.Tenant, clientId, accountId);

    /// <summary>The seller's API client.</summary>
    public static Actor Operator(string clientId) => new(ActorRole.Operator, clientId);

    /// <summary>The account whose resources alone the actor may see: its own for a tenant, null (any) for the others.</summary>
    public string? Scope => Role == ActorRole.Tenant ? AccountId : null;
}
