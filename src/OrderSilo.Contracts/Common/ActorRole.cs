namespace OrderSilo.Contracts.Common;

/// <summary>The four parties of the trust model (docs/security.md).</summary>
[GenerateSerializer, Alias("OrderSilo.ActorRole")]
public enum ActorRole
{
    /// <summary>An API client of one account, acting on that account's resources only.</summary>
    Tenant,
    /// <summary>The seller's API client (scope <c>admin</c>): the only one who says money arrived or credit is given.</summary>
    Operator,
    /// <summary>The payment gateway, for money it moved itself (a card payment on the pay page).</summary>
    Gateway,
    /// <summary>The cluster's own timed steps: payment deadlines, quote expiry, fulfilment, automatic refunds.</summary>
    System,
}
