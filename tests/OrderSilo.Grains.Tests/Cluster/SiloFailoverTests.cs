using OrderSilo.Contracts.Orders;
using OrderSilo.Testing;

namespace OrderSilo.Grains.Tests.Cluster;

[Collection(SharedCluster.Name)]
public sealed class SiloFailoverTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task StoppingASilo_LosesNoOrder_AndAReplacementSiloTakesNewOnes()
    {
        var cluster = fixture.Cluster;
        var tenant = await TestTenant.CreateAsync(Grains);
        var placed = new List<Order>();
        for (var i = 0; i < 20; i++)
            placed.Add((await tenant.PoNumber(Grains, $"PO-{i}").Place(tenant.Order($"PO-{i}"))).Order!);
        // Stop the silo where most of these orders are active, so that they must come back from PostgreSQL.
        var hosts = placed
            .Select(order => cluster.TryGetGrainContext(Grains.GetGrain<IOrderGrain>(order.OrderId).GetGrainId(), out var context)
                ? context.Address.SiloAddress
                : null)
            .ToList();
        var leaving = cluster.Silos.MaxBy(silo => hosts.Count(host => silo.SiloAddress.Equals(host)))!;

        await fixture.StopSiloAsync(leaving);
        var afterStop = new List<Order?>();
        foreach (var order in placed)
            afterStop.Add(await tenant.PoNumber(Grains, order.PoNumber).GetOrder());
        await fixture.StartSiloAsync();
        var later = await Task.WhenAll(Enumerable.Range(20, 10).Select(i => tenant.PoNumber(Grains, $"PO-{i}").Place(tenant.Order($"PO-{i}"))));

        Assert.All(hosts, Assert.NotNull);
        Assert.Contains(leaving.SiloAddress, hosts);
        for (var i = 0; i < placed.Count; i++)
            Assert.Equivalent(placed[i], afterStop[i], strict: true);
        Assert.All(later, result => Assert.False(result.Error is not null || result.Replayed));
        var stored = await OrderLedger.OrdersByPoNumberAsync(fixture.ConnectionString, tenant.AccountId);
        Assert.Equal(30, stored.Count);
        Assert.All(stored.Values, ids => Assert.Single(ids));
    }
}
