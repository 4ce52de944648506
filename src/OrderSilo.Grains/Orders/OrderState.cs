using OrderSilo.Contracts.Orders;
using OrderSilo.Contracts.Pricing;

namespace OrderSilo.Grains.Orders;

/// <summary>
/// Stored as <c>{"accountId", "order", "priced", "fulfilAt", "unsettled"}</c>; the order is projected to the
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
}
