using Microsoft.Extensions.Options;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Webhooks;
using OrderSilo.Grains.Infrastructure;
using OrderSilo.Grains.Webhooks;

namespace OrderSilo.Grains.Accounts;

[GrainType("account")]
internal sealed class AccountGrain(
    [PersistentState("account", StorageNames.Accounts)] IPersistentState<AccountState> state,
    IGrainFactory grains,
    TimeProvider clock,
    IOptions<WebhookOptions> webhookOptions) : Grain, IAccountGrain
{
    private string AccountId => this.GetPrimaryKeyString();

    public async Task<Outcome<Account>> Create(CreateAccount command)
    {
        if (state.State.Account is { } existing && existing.HomeCompanyId != command.HomeCompanyId)
            return Outcome<Account>.Fail(ErrorCodes.Conflict, $"Account '{AccountId}' already exists.", "accountId");

        // The company and the client are written before the account, so a stored account always has both;
        // a crash in between leaves only unreachable rows, and repeating the call completes the creation.
        var now = clock.GetUtcNow();
        var company = await grains.GetGrain<ICompanyGrain>(command.HomeCompanyId).Create(new Company
        {
            Id = command.HomeCompanyId,
            AccountId = AccountId,
            Name = command.Name,
            BillingName = command.Name,
            BillingEmail = command.BillingEmail,
            Country = command.Country,
            Currency = command.Currency,
            CreatedAt = now,
        });
        if (company.Failed)
            return Outcome<Account>.Fail(company.Error!);
        var client = await RegisterClient(command.ClientId, command.ClientSecret, command.Name, command.HomeCompanyId);
        if (client.Failed)
            return Outcome<Account>.Fail(client.Error!);

        if (state.State.Account is null)
        {
            await state.ChangeAndWriteAsync(this, _ => new AccountState(new Account
            {
                AccountId = AccountId,
                Name = command.Name,
                BillingEmail = command.BillingEmail,
                Country = command.Country,
                Currency = command.Currency,
                HomeCompanyId = command.HomeCompanyId,
                CompanyIds = [command.HomeCompanyId],
                ClientIds = [command.ClientId],
                CreatedAt = now,
            }));
        }
        else if (!state.State.Account.ClientIds.Contains(command.ClientId))
        {
            await AddClientId(command.ClientId);
        }
        return Outcome<Account>.Ok(state.State.Account!);
    }

    public Task<Account?> Get() => Task.FromResult(state.State.Account);

    public async Task<Outcome<Company>> AddCompany(Company company)
    {
        var parentId = company.ParentCompanyId ?? state.State.Account?.HomeCompanyId;
        if (state.State.Account is not { } account || parentId is null || !account.CompanyIds.Contains(parentId))
            return Outcome<Company>.Fail(ErrorCodes.NotFound, $"There is no company '{parentId}'.", "parentCompanyId");
        // The company is written before the account lists it: a crash in between leaves a company that nobody
        // was told the id of, never a listed id without its company.
        var created = await grains.GetGrain<ICompanyGrain>(company.Id).Create(company with
        {
            AccountId = AccountId,
            ParentCompanyId = parentId,
            CreatedAt = clock.GetUtcNow(),
        });
        if (!created.Failed && !account.CompanyIds.Contains(company.Id))
            await state.ChangeAndWriteAsync(this, s => s with { Account = s.Account! with { CompanyIds = s.Account.CompanyIds.Add(company.Id) } });
        return created;
    }

    public async Task<Outcome<ApiClient>> AddClient(string clientId, string clientSecret, string name)
    {
        if (state.State.Account is not { } account)
            return Outcome<ApiClient>.Fail(ErrorCodes.NotFound, $"There is no account '{AccountId}'.", "accountId");
        var client = await RegisterClient(clientId, clientSecret, name, account.HomeCompanyId);
        if (!client.Failed && !account.ClientIds.Contains(clientId))
            await AddClientId(clientId);
        return client;
    }

    public async Task<Outcome<WebhookRegistration>> AddWebhook(WebhookChange registration)
    {
        if (state.State.Account is null)
            return Outcome<WebhookRegistration>.Fail(ErrorCodes.NotFound, $"There is no account '{AccountId}'.", "accountId");
        // Registrations of one account queue here (the grain is not reentrant), so the count cannot be raced past.
        var limit = webhookOptions.Value.MaxEndpointsPerAccount;
        if (await grains.GetGrain<IWebhookQueryGrain>(0).Count(AccountId) >= limit)
            return Outcome<WebhookRegistration>.Fail(ErrorCodes.LimitExceeded, $"An account has at most {limit} webhook endpoints: delete one first.");
        return await grains.GetGrain<IWebhookGrain>(Ids.NewWebhookId()).Create(AccountId, registration);
    }

    public async Task<Outcome<ApiClient>> RevokeClient(string clientId)
    {
        if (state.State.Account is not { } account || !account.ClientIds.Contains(clientId))
            return Outcome<ApiClient>.Fail(ErrorCodes.NotFound, $"There is no client '{clientId}' in account '{AccountId}'.", "clientId");
        var revoked = await grains.GetGrain<IApiClientGrain>(clientId).Revoke();
        return revoked is null
            ? Outcome<ApiClient>.Fail(ErrorCodes.NotFound, $"There is no client '{clientId}'.", "clientId")
            : Outcome<ApiClient>.Ok(revoked);
    }

    private Task<Outcome<ApiClient>> RegisterClient(string clientId, string secret, string name, string homeCompanyId) =>
        grains.GetGrain<IApiClientGrain>(clientId).Register(new ApiClient(clientId, AccountId, homeCompanyId, name, Scopes.Orders, false), secret);

    private Task AddClientId(string clientId) =>
        state.ChangeAndWriteAsync(this, s => s with { Account = s.Account! with { ClientIds = s.Account.ClientIds.Add(clientId) } });
}
