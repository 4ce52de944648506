using System.Collections.Immutable;

namespace OrderSilo.Contracts.Accounts;

/// <summary>A tenant: a home company, its child companies and its API clients.</summary>
[GenerateSerializer, Immutable, Alias("OrderSilo.Account")]
public sealed record Account
{
    /// <summary>The id, <c>acc_…</c>.</summary>
    [Id(0)] public required string AccountId { get; init; }
    /// <summary>The tenant's name (also its home company's).</summary>
    [Id(1)] public required string Name { get; init; }
    /// <summary>Where the tenant's invoices go.</summary>
    [Id(2)] public required string BillingEmail { get; init; }
    /// <summary>ISO 3166 alpha-2 country of the home company.</summary>
    [Id(3)] public required string Country { get; init; }
    /// <summary>ISO 4217 currency of the home company.</summary>
    [Id(4)] public required string Currency { get; init; }
    /// <summary>The home company.</summary>
    [Id(5)] public required string HomeCompanyId { get; init; }
    /// <summary>Every company of the account, the home company first.</summary>
    [Id(6)] public ImmutableArray<string> CompanyIds { get; init; } = [];
    /// <summary>The account's API clients (ids only; secrets live hashed in the client grains).</summary>
    [Id(7)] public ImmutableArray<string> ClientIds { get; init; } = [];
    /// <summary>When the account was created.</summary>
    [Id(8)] public required DateTimeOffset CreatedAt { get; init; }
}
