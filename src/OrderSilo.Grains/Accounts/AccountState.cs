using OrderSilo.Contracts.Accounts;

namespace OrderSilo.Grains.Accounts;

/// <summary>Stored as <c>{"account": …}</c>; projected to the <c>accounts</c> table.</summary>
public sealed record AccountState(Account? Account = null);
