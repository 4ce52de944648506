using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using OrderSilo.Testing;

namespace OrderSilo.Grains.Tests.Cluster;

/// <summary>The order grain as the poNumber gate's roll-forward uses it: a placement that carries no prices.</summary>
[Collection(SharedCluster.Name)]
public sealed class OrderGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task Place_WithoutPricesForANewId_PricesAndCreatesTheOrderThatLaterPlacementsReplay()
    {
        var tenant = await TestTenant.CreateAsync(Grains);
        var placement = new OrderPlacement(Ids.NewOrderId(DateTimeOffset.UtcNow), tenant.AccountId, tenant.Order("PO-ROLL", quantity: 3));
        var grain = Grains.GetGrain<IOrderGrain>(placement.OrderId);

        var created = await grain.Place(placement);
        var again = await grain.Place(placement with { Command = placement.Command with { Tag = "retried" } });

        Assert.Null(created.Error);
        Assert.False(created.Replayed);
        Assert.Equal((placement.OrderId, "PO-ROLL"), (created.Order!.OrderId, created.Order.PoNumber));
        Assert.Equal(3, created.Order.Vouchers.Length);
        Assert.True(again.Replayed);
        Assert.Equivalent(created.Order, again.Order, strict: true);
        var stored = await OrderLedger.OrdersByPoNumberAsync(fixture.ConnectionString, tenant.AccountId);
        Assert.Equal([placement.OrderId], stored["PO-ROLL"]);
    }

    [Theory]
    [InlineData("poNumber")]
    [InlineData("account")]
    public async Task Place_OfAnotherPlacementOnAnExistingOrderId_ThrowsAndKeepsTheOrder(string difference)
    {
        var tenant = await TestTenant.CreateAsync(Grains);
        var placement = new OrderPlacement(Ids.NewOrderId(DateTimeOffset.UtcNow), tenant.AccountId, tenant.Order("PO-OWNER"));
        var grain = Grains.GetGrain<IOrderGrain>(placement.OrderId);
        var created = await grain.Place(placement);
        var other = difference == "poNumber"
            ? placement with { Command = placement.Command with { PoNumber = "PO-INTRUDER" } }
            : placement with { AccountId = Ids.NewAccountId() };

        var error = await Assert.ThrowsAsync<InvariantViolationException>(() => grain.Place(other));

        Assert.Contains(placement.OrderId, error.Message, StringComparison.Ordinal);
        Assert.Equivalent(created.Order, await grain.Get(tenant.AccountId), strict: true);
        Assert.Null(await grain.Get(Ids.NewAccountId()));
        var stored = await OrderLedger.OrdersByPoNumberAsync(fixture.ConnectionString, tenant.AccountId);
        Assert.Equal(["PO-OWNER"], stored.Keys);
    }
}
