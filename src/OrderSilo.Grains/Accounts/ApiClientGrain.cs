using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Grains.Infrastructure;

namespace OrderSilo.Grains.Accounts;

[GrainType("apiclient")]
internal sealed class ApiClientGrain(
    [PersistentState("apiClient", StorageNames.Accounts)] IPersistentState<ApiClientState> state,
    TimeProvider clock) : Grain, IApiClientGrain
{
    /// <summary>Last logins are kept to this precision, so token requests rarely cost a write.</summary>
    private static readonly TimeSpan LastLoginPrecision = TimeSpan.FromMinutes(15);

    public async Task<Outcome<ApiClient>> Register(ApiClient client, string secret)
    {
        var registered = client with
        {
            ClientId = this.GetPrimaryKeyString(),
            Revoked = false,
            CreatedAt = state.State.Client?.CreatedAt ?? clock.GetUtcNow(),
            LastLogin = state.State.Client?.LastLogin,
        };
        if (state.State.Client is { } existing && (existing.AccountId != client.AccountId || existing.Scope != client.Scope))
            return Outcome<ApiClient>.Fail(ErrorCodes.Conflict, $"Client '{existing.ClientId}' belongs to another account or scope.", "clientId");
        var hash = SecretHasher.Hash(secret);
        if (state.State.Client != registered || state.State.SecretHash != hash)
            await state.ChangeAndWriteAsync(this, _ => new ApiClientState(registered, hash));
        return Outcome<ApiClient>.Ok(registered);
    }

    public async Task<ApiClient?> Authenticate(string secret)
    {
        if (state.State is not { Client: { Revoked: false } client, SecretHash: { } hash } || !SecretHasher.Matches(secret, hash))
            return null;
        var now = clock.GetUtcNow();
        if (client.LastLogin is not { } last || now - last >= LastLoginPrecision)
            await state.ChangeAndWriteAsync(this, s => s with { Client = client with { LastLogin = now } });
        return state.State.Client;
    }

    public Task<ApiClient?> Get() => Task.FromResult(state.State.Client);

    public async Task<ApiClient?> Revoke()
    {
        if (state.State.Client is not { } client)
            return null;
        if (!client.Revoked)
            await state.ChangeAndWriteAsync(this, s => s with { Client = client with { Revoked = true } });
        return state.State.Client;
    }
}
