using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Grains.Infrastructure;

namespace OrderSilo.Grains.Accounts;

[GrainType("apiclient")]
internal sealed class ApiClientGrain(
    [PersistentState("apiClient", StorageNames.Accounts)] IPersistentState<ApiClientState> state) : Grain, IApiClientGrain
{
    public async Task<Outcome<ApiClient>> Register(ApiClient client, string secret)
    {
        var registered = client with { ClientId = this.GetPrimaryKeyString(), Revoked = false };
        if (state.State.Client is { } existing && (existing.AccountId != client.AccountId || existing.Scope != client.Scope))
            return Outcome<ApiClient>.Fail(ErrorCodes.Conflict, $"Client '{existing.ClientId}' belongs to another account or scope.", "clientId");
        var hash = SecretHasher.Hash(secret);
        if (state.State.Client != registered || state.State.SecretHash != hash)
            await state.ChangeAndWriteAsync(this, _ => new ApiClientState(registered, hash));
        return Outcome<ApiClient>.Ok(registered);
    }

    public Task<ApiClient?> Authenticate(string secret) =>
        Task.FromResult(state.State is { Client: { Revoked: false } client, SecretHash: { } hash } && SecretHasher.Matches(secret, hash)
            ? client
            : null);

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
