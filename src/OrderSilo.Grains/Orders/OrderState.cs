using OrderSilo.Contracts.Orders;

namespace OrderSilo.Grains.Orders;

/// <summary>Stored as <c>{"accountId", "order": …}</c>; projected to the <c>orders</c> table in the same commit.</summary>
public sealed record OrderState(string? AccountId = null, Order? Order = null);
