using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using OrderSilo.Grains.Infrastructure;
using Orleans.Storage;

namespace OrderSilo.Grains.Tests.Cluster;

/// <summary>
/// The silos' real accounts storage, counting the reads of each grain (on any silo of the in-process cluster), so
/// that a test can see what a call cost the database. Writes and clears only pass through.
/// </summary>
internal sealed class ReadCountingStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly ConcurrentDictionary<GrainId, int> Reads = new();

    /// <summary>How many times the state of <paramref name="grainId"/> was read from the database.</summary>
    public static int ReadsOf(GrainId grainId) => Reads.TryGetValue(grainId, out var count) ? count : 0;

    /// <summary>Wraps the <c>accounts</c> storage the OrderSilo setup registered.</summary>
    public static void Install(IServiceCollection services)
    {
        var registered = services.Single(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, StorageNames.Accounts));
        var factory = registered.KeyedImplementationFactory ?? throw new InvalidOperationException("The accounts storage is not registered by a factory.");
        services.Remove(registered);
        services.AddKeyedSingleton<IGrainStorage>(StorageNames.Accounts, (provider, key) => new ReadCountingStorage((IGrainStorage)factory(provider, key)));
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Reads.AddOrUpdate(grainId, 1, (_, count) => count + 1);
        return inner.ReadStateAsync(stateName, grainId, grainState);
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
