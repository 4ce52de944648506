using OrderSilo.Contracts.Common;

namespace OrderSilo.Contracts.Accounts;

/// <summary>A tenant, keyed by its id (<c>acc_…</c>): the authorization boundary.</summary>
[Alias("OrderSilo.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the account, its home company and its first API client. Repeating the same call finishes a
    /// creation interrupted by a crash and answers the same account.
    /// </summary>
    [Alias("Create")]
    Task<Outcome<Account>> Create(CreateAccount command);

    /// <summary>The account, or null when it does not exist.</summary>
    [Alias("Get")]
    Task<Account?> Get();

    /// <summary>
    /// Creates a child company in the account under <see cref="Company.ParentCompanyId"/> (a company of the
    /// account; the home company when null). Not found when the parent is not in the account.
    /// </summary>
    [Alias("AddCompany")]
    Task<Outcome<Company>> AddCompany(Company company);

    /// <summary>Registers another API client of the account (scope <c>orders</c>).</summary>
    [Alias("AddClient")]
    Task<Outcome<ApiClient>> AddClient(string clientId, string clientSecret, string name);

    /// <summary>Registers a webhook endpoint of the account, within the account's limit of endpoints.</summary>
    [Alias("AddWebhook")]
    Task<Outcome<Webhooks.WebhookRegistration>> AddWebhook(Webhooks.WebhookChange registration);

    /// <summary>Revokes one of the account's API clients.</summary>
    [Alias("RevokeClient")]
    Task<Outcome<ApiClient>> RevokeClient(string clientId);
}
