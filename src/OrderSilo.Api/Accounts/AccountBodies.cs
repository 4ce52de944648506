namespace OrderSilo.Api.Accounts;

/// <summary>The body of <c>POST /api/v1/admin/accounts</c>.</summary>
public sealed record CreateAccountBody(string? Name, string? BillingEmail, string? Country, string? Currency);

/// <summary>The answer to creating an account: the secret is shown here once and never again.</summary>
public sealed record CreatedAccount(string AccountId, string CompanyId, string ClientId, string ClientSecret);

/// <summary>The body of <c>POST /api/v1/admin/accounts/{accountId}/clients</c>.</summary>
public sealed record CreateClientBody(string? Name);

/// <summary>A new client's credentials: the secret is shown here once and never again.</summary>
public sealed record CreatedClient(string ClientId, string ClientSecret, string Name, string Scope);
