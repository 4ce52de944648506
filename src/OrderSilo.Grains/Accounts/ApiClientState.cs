using OrderSilo.Contracts.Accounts;

namespace OrderSilo.Grains.Accounts;

/// <summary>Stored as <c>{"client": …, "secretHash": …}</c>; never projected anywhere.</summary>
public sealed record ApiClientState(ApiClient? Client = null, string? SecretHash = null);
