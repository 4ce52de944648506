namespace OrderSilo.Contracts.Accounts;

/// <summary>The OAuth scopes.</summary>
public static class Scopes
{
    /// <summary>A tenant's clients: orders, catalog, its own account.</summary>
    public const string Orders = "orders";

    /// <summary>The operator's clients: accounts, catalog, price lists, promotions, credit settings.</summary>
    public const string Admin = "admin";
}
