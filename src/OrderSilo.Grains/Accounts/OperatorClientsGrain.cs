using System.Collections.Immutable;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Grains.Infrastructure;

namespace OrderSilo.Grains.Accounts;

/// <summary>An operator has a handful of clients, so their ids are one small list in one grain.</summary>
[GrainType("operatorclients")]
internal sealed class OperatorClientsGrain(
    [PersistentState("operatorClients", StorageNames.Accounts)] IPersistentState<OperatorClientsState> state,
    IGrainFactory grains) : Grain, IOperatorClientsGrain
{
    private ImmutableArray<string> Ids => state.State.Ids;

    public async Task Add(string clientId)
    {
        if (!Ids.Contains(clientId))
            await state.ChangeAndWriteAsync(this, s => s with { ClientIds = [.. s.Ids.Add(clientId).Order(StringComparer.Ordinal)] });
    }

    public async Task<IReadOnlyList<ApiClient>> List(string? afterClientId, int limit)
    {
        var ids = Ids.Where(id => afterClientId is null || string.CompareOrdinal(id, afterClientId) > 0).Take(limit);
        var clients = await Task.WhenAll(ids.Select(id => grains.GetGrain<IApiClientGrain>(id).Get()));
        // An id is listed before its client is first written: a crash in between leaves an id without a client.
        return [.. clients.OfType<ApiClient>()];
    }

    public async Task<Outcome<ApiClient>> Revoke(string clientId)
    {
        var revoked = Ids.Contains(clientId) ? await grains.GetGrain<IApiClientGrain>(clientId).Revoke() : null;
        return revoked is null
            ? Outcome<ApiClient>.Fail(ErrorCodes.NotFound, $"There is no operator client '{clientId}'.", "clientId")
            : Outcome<ApiClient>.Ok(revoked);
    }
}
