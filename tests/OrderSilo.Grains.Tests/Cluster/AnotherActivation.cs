using Microsoft.Extensions.DependencyInjection;
using OrderSilo.Grains.Infrastructure;
using OrderSilo.Grains.Orders;
using Orleans.Storage;
using Orleans.TestingHost;

namespace OrderSilo.Grains.Tests.Cluster;

/// <summary>
/// Stands in for a second activation of an order grain (as a directory partition during churn can make): writes
/// an order's state straight through a silo's real order storage, as that activation's write would, so the
/// activation a test then calls finds its view overtaken.
/// </summary>
internal static class AnotherActivation
{
    public static async Task<OrderState> ReadAsync(TestCluster cluster, string orderId)
    {
        var state = new GrainState<OrderState>(new OrderState());
        await Storage(cluster).ReadStateAsync(OrderGrain.StateName, Id(orderId), state);
        return state.State ?? new OrderState();
    }

    /// <summary>Writes <paramref name="state"/> as the first state of order <paramref name="orderId"/>.</summary>
    public static Task WriteAsync(TestCluster cluster, string orderId, OrderState state) =>
        Storage(cluster).WriteStateAsync(OrderGrain.StateName, Id(orderId), new GrainState<OrderState>(state));

    /// <summary>
    /// The state another activation would have written for <paramref name="orderId"/> under
    /// <paramref name="poNumber"/>: a copy of a placed order's, renamed.
    /// </summary>
    public static async Task<OrderState> CopyAsync(TestCluster cluster, string placedOrderId, string orderId, string poNumber)
    {
        var placed = await ReadAsync(cluster, placedOrderId);
        return placed with { Order = placed.Order! with { OrderId = orderId, PoNumber = poNumber } };
    }

    private static GrainId Id(string orderId) => GrainId.Create("order", orderId);

    private static IGrainStorage Storage(TestCluster cluster) =>
        cluster.GetActiveSilos().Cast<InProcessSiloHandle>().First().SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Orders);
}
