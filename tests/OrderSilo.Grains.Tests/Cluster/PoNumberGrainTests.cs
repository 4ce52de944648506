using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using OrderSilo.Testing;

namespace OrderSilo.Grains.Tests.Cluster;

[Collection(SharedCluster.Name)]
public sealed class PoNumberGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task Place_NewPoNumber_CreatesOneOrderThatTheSameCommandReplays()
    {
        var tenant = await TestTenant.CreateAsync(Grains);
        var command = tenant.Order("PO-1", quantity: 2);
        var gate = tenant.PoNumber(Grains, command.PoNumber);

        var created = await gate.Place(command);
        var replayed = await gate.Place(command);
        var reused = await gate.Place(command with { Tag = "another body" });
        var fetched = await gate.GetOrder();

        Assert.Null(created.Error);
        Assert.False(created.Replayed);
        var order = created.Order!;
        Assert.Equal(("PO-1", tenant.Company.Id), (order.PoNumber, order.CompanyId));
        Assert.Equal(2, order.Vouchers.Length);
        Assert.True(replayed.Replayed);
        Assert.Equivalent(order, replayed.Order, strict: true);
        Assert.Equal(ErrorCodes.PoNumberReused, reused.Error?.Code);
        Assert.Null(reused.Order);
        Assert.Equivalent(order, fetched, strict: true);
        var stored = await OrderLedger.OrdersByPoNumberAsync(fixture.ConnectionString, tenant.AccountId);
        Assert.Equal([order.OrderId], Assert.Single(stored, pair => pair.Key == "PO-1").Value);
        Assert.Equal(order.Totals.AmountTotal, await Sql.ScalarAsync<decimal>(fixture.ConnectionString,
            "select amount_total from orders where order_id = $1", order.OrderId));
        Assert.Empty(await OrderLedger.PendingClaimsAsync(fixture.ConnectionString, tenant.AccountId));
    }

    [Fact]
    public async Task Place_SameCommandOneHundredTimesConcurrently_CreatesOneOrder()
    {
        var tenant = await TestTenant.CreateAsync(Grains);
        var command = tenant.Order("PO-CONCURRENT");
        var gate = tenant.PoNumber(Grains, command.PoNumber);

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => gate.Place(command)));

        Assert.All(results, result => Assert.Null(result.Error));
        Assert.Single(results, result => !result.Replayed);
        var orderId = Assert.Single(results.Select(result => result.Order!.OrderId).Distinct());
        var stored = await OrderLedger.OrdersByPoNumberAsync(fixture.ConnectionString, tenant.AccountId);
        Assert.Equal([orderId], Assert.Single(stored).Value);
        Assert.Equal(1, await OrderLedger.StoredOrderCountAsync(fixture.ConnectionString, tenant.AccountId));
    }

    [Fact]
    public async Task Place_SameCommandOnNewActivationsAfterTheCatalogChanged_StillReplaysTheOrder()
    {
        var tenant = await TestTenant.CreateAsync(Grains);
        var command = tenant.Order("PO-REPRICED");
        var gate = tenant.PoNumber(Grains, command.PoNumber);
        var created = await gate.Place(command);
        await TestTenant.PutProductAsync(Grains, tenant.Product with { Denominations = [50m] });
        await fixture.Cluster.DeactivateAsync(gate);
        await fixture.Cluster.DeactivateAsync(Grains.GetGrain<IOrderGrain>(created.Order!.OrderId));

        var replayed = await gate.Place(command);
        var newOrder = await tenant.PoNumber(Grains, "PO-NEW").Place(tenant.Order("PO-NEW"));

        Assert.True(replayed.Replayed);
        Assert.Equivalent(created.Order, replayed.Order, strict: true);
        Assert.Equal(ErrorCodes.InvalidDenomination, newOrder.Error?.Code);
    }

    [Fact]
    public async Task Place_ReplayOnNewActivation_KeepsTheGateActive()
    {
        var tenant = await TestTenant.CreateAsync(Grains);
        var command = tenant.Order("PO-STAYS-ACTIVE");
        var gate = tenant.PoNumber(Grains, command.PoNumber);
        await gate.Place(command);
        await fixture.Cluster.DeactivateAsync(gate);

        var replay = await gate.Place(command);
        await Task.Delay(500, TestContext.Current.CancellationToken);

        // The new activation's claim write conflicts with the stored claim, which it expects: it reads the claim
        // and replays, and stays active so that the next retry is answered from memory.
        Assert.True(replay.Replayed);
        Assert.True(fixture.Cluster.TryGetGrainContext(gate.GetGrainId(), out _));
    }

    [Theory]
    [InlineData("unknown product")]
    [InlineData("company of another account")]
    public async Task Place_Refused_StoresNothingAndLeavesThePoNumberFree(string refusal)
    {
        var tenant = await TestTenant.CreateAsync(Grains);
        var good = tenant.Order("PO-REFUSED");
        var bad = refusal == "unknown product"
            ? good with { LineItems = [new OrderLineRequest("prd_" + Guid.NewGuid().ToString("N")[..20], 1, TestTenant.Denomination)] }
            : good with { CompanyId = (await TestTenant.CreateCompanyAsync(Grains, Ids.NewAccountId())).Id };
        var gate = tenant.PoNumber(Grains, good.PoNumber);

        var refused = await gate.Place(bad);
        var claimRows = await Sql.ScalarAsync<long>(fixture.ConnectionString,
            "select count(*) from orleansstorage where grainidextensionstring = $1", $"{tenant.AccountId}/{good.PoNumber}");
        var ordersAfterRefusal = await OrderLedger.OrdersByPoNumberAsync(fixture.ConnectionString, tenant.AccountId);
        var placed = await gate.Place(good);

        Assert.Equal(ErrorCodes.NotFound, refused.Error?.Code);
        Assert.Null(refused.Order);
        Assert.Equal(0, claimRows);
        Assert.Empty(ordersAfterRefusal);
        Assert.Null(placed.Error);
        Assert.False(placed.Replayed);
        var stored = await OrderLedger.OrdersByPoNumberAsync(fixture.ConnectionString, tenant.AccountId);
        Assert.Equal([placed.Order!.OrderId], stored[good.PoNumber]);
    }
}
