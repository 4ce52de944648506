using OrderSilo.Contracts.Orders;
using OrderSilo.Contracts.Pricing;

namespace OrderSilo.Grains.Orders;

/// <summary>
/// Stored as <c>{"accountId", "order", "priced", "fulfilAt", "unsettled", "creditReservedAt", "promotionsReserved"}</c>; the order is projected to the
/// <c>orders</c> table in the same commit.
/// </summary>
public sealed record OrderState
{
    public string? AccountId { get; init; }
    public Order? Order { get; init; }

    /// <summary>The priced cart with its products, kept until the vouchers are issued (quotes, unpaid and processing orders).</summary>
    public PricedOrder? Priced { get; init; }

    /// <summary>When the built-in issuer delivers a processing order.</summary>
    public DateTimeOffset? FulfilAt { get; init; }

    /// <summary>
    /// The last transition gave credit back and the company has not yet been told: whoever activates the order (the
    /// deadline reminder at the latest) tells it. Releasing is idempotent, so telling twice is harmless.
    /// </summary>
    public bool Unsettled { get; init; }

    /// <summary>
    /// The companies where the placement that wrote the order reserved its credit, and the promotions whose use it
    /// reserved, itself rather than finding them held: a duplicate activation that lost the first write compares
    /// with these to give back only a second hold of its own.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<string> CreditReservedAt { get; init; } = [];

    /// <inheritdoc cref="CreditReservedAt"/>
    public System.Collections.Immutable.ImmutableArray<string> PromotionsReserved { get; init; } = [];

    /// <summary>The secret part of the order's pay page link (<see cref="PayLinks"/>), made when the order is.</summary>
    public string? PayToken { get; init; }
}
