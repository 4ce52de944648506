using OrderSilo.Contracts.Orders;

namespace OrderSilo.Grains.Orders;

/// <summary>Stored as <c>{"accountId", "order": …}</c>; projected to the <c>orders</c> table in the same commit.</summary>
public sealed record OrderState
{
    public string? AccountId { get; init; }
    public Order? Order { get; init; }
}
