namespace OrderSilo.Contracts.Accounts;

/// <summary>What creates a tenant: its profile, the ids chosen for it and its first API client.</summary>
/// <param name="Name">The tenant's name.</param>
/// <param name="BillingEmail">Where invoices go.</param>
/// <param name="Country">ISO 3166 alpha-2 country code.</param>
/// <param name="Currency">ISO 4217 currency code.</param>
/// <param name="HomeCompanyId">The id to give the home company.</param>
/// <param name="ClientId">The id of the first API client.</param>
/// <param name="ClientSecret">The first client's secret, in clear only on its way to being hashed.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.CreateAccount")]
public sealed record CreateAccount(
    [property: Id(0)] string Name,
    [property: Id(1)] string BillingEmail,
    [property: Id(2)] string Country,
    [property: Id(3)] string Currency,
    [property: Id(4)] string HomeCompanyId,
    [property: Id(5)] string ClientId,
    [property: Id(6)] string ClientSecret);
