using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using OrderSilo.Grains.Infrastructure;
using Orleans.Storage;

namespace OrderSilo.Grains.Tests.Cluster;

/// <summary>
/// The silos' real order storage, with one fault a test can arm for one order: its next write lands, and then its
/// answer is lost (the grain sees a <see cref="TimeoutException"/>), as when the database commits but the reply
/// never reaches the silo. Unarmed, it only passes calls through.
/// </summary>
internal sealed class LostAnswerStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly ConcurrentDictionary<string, bool> Armed = new(StringComparer.Ordinal);

    /// <summary>The next write of order <paramref name="orderId"/>, on any silo, lands and answers an error.</summary>
    public static void LoseTheAnswerOfTheNextWrite(string orderId) => Armed[orderId] = true;

    /// <summary>Wraps the <c>orders</c> storage the OrderSilo setup registered.</summary>
    public static void Install(IServiceCollection services)
    {
        var registered = services.Single(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, StorageNames.Orders));
        var factory = registered.KeyedImplementationFactory ?? throw new InvalidOperationException("The orders storage is not registered by a factory.");
        services.Remove(registered);
        services.AddKeyedSingleton<IGrainStorage>(StorageNames.Orders, (provider, key) => new LostAnswerStorage((IGrainStorage)factory(provider, key)));
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await inner.WriteStateAsync(stateName, grainId, grainState);
        if (Armed.TryRemove(grainId.Key.ToString()!, out _))
            throw new TimeoutException($"Test fault: the write of {grainId} landed and its answer was lost.");
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
