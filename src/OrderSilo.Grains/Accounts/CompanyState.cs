using OrderSilo.Contracts.Accounts;

namespace OrderSilo.Grains.Accounts;

/// <summary>Stored as <c>{"company": …}</c>; projected to the <c>companies</c> table.</summary>
public sealed record CompanyState(Company? Company = null);
