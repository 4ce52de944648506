using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Grains.Infrastructure;

namespace OrderSilo.Grains.Accounts;

[GrainType("apiclient")]
internal sealed class ApiClientGrain(
    [PersistentState("apiClient", StorageNames.Accounts)] IPersistentState<ApiClientState> state,
    IGrainFactory grains,
    UnknownClientCache unknownClients,
    TimeProvider clock) : Grain, IApiClientGrain
{
    /// <summary>Last logins are kept to this precision, so token requests rarely cost a write.</summary>
    private static readonly TimeSpan LastLoginPrecision = TimeSpan.FromMinutes(15);

    public async Task<Outcome<ApiClient>> Register(ApiClient client, string secret)
    {
        if (state.State.Client is { } existing && (existing.AccountId != client.AccountId || existing.Scope != client.Scope))
            return Outcome<ApiClient>.Fail(ErrorCodes.Conflict, $"Client '{existing.ClientId}' belongs to another account or scope.", "clientId");
        // Revoking is final: start-up provisioning registers its configured clients on every start, and must not
        // bring back one an operator revoked, whatever secret it is given now.
        if (state.State.Client is { Revoked: true } revoked)
            return Outcome<ApiClient>.Ok(revoked);
        var registered = client with
        {
            ClientId = this.GetPrimaryKeyString(),
            Revoked = false,
            CreatedAt = state.State.Client?.CreatedAt ?? clock.GetUtcNow(),
            LastLogin = state.State.Client?.LastLogin,
        };
        // Listed before it is written, so that every stored operator client can be found (and revoked) by the operator.
        if (client.Scope == Scopes.Admin)
            await grains.GetGrain<IOperatorClientsGrain>(0).Add(registered.ClientId);
        var hash = SecretHasher.Hash(secret);
        if (state.State.Client != registered || state.State.SecretHash != hash)
            await state.ChangeAndWriteAsync(this, _ => new ApiClientState(registered, hash));
        unknownClients.Forget(registered.ClientId);
        return Outcome<ApiClient>.Ok(registered);
    }

    public async Task<Authentication> Authenticate(string secret)
    {
        if (state.State.Client is null)
        {
            // A guessed id: hold no memory for it (the sign-in grain remembers it as unknown).
            DeactivateOnIdle();
            return new Authentication(null, ClientExists: false);
        }
        if (state.State is not { Client: { Revoked: false } client, SecretHash: { } hash } || !SecretHasher.Matches(secret, hash))
            return new Authentication(null, ClientExists: true);
        var now = clock.GetUtcNow();
        if (client.LastLogin is not { } last || now - last >= LastLoginPrecision)
            await state.ChangeAndWriteAsync(this, s => s with { Client = client with { LastLogin = now } });
        return new Authentication(state.State.Client, ClientExists: true);
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
