using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using OrderSilo.Grains.Orders;
using OrderSilo.Testing;

namespace OrderSilo.Grains.Tests.Cluster;

/// <summary>A poNumber claimed whose order write failed (see <see cref="BlockedOrderWrite"/>).</summary>
[Collection(SharedCluster.Name)]
public sealed class StaleClaimTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task Place_AfterTheOrderWriteFailed_TheRetryCompletesTheClaimedOrder()
    {
        var tenant = await TestTenant.CreateAsync(Grains);
        var command = tenant.Order("PO-RETRY");
        var gate = tenant.PoNumber(Grains, command.PoNumber);
        var claimedOrderId = await BlockedOrderWrite.PlaceAsync(fixture.ConnectionString, Grains, tenant, command);

        var retry = await gate.Place(command);
        var replay = await gate.Place(command);

        Assert.Null(retry.Error);
        Assert.False(retry.Replayed);
        Assert.Equal(claimedOrderId, retry.Order!.OrderId);
        Assert.True(replay.Replayed);
        var stored = await OrderLedger.OrdersByPoNumberAsync(fixture.ConnectionString, tenant.AccountId);
        Assert.Equal([claimedOrderId], stored[command.PoNumber]);
        Assert.Empty(await OrderLedger.PendingClaimsAsync(fixture.ConnectionString, tenant.AccountId));
    }

    [Fact]
    public async Task Place_RetriedAfterTheCatalogStoppedAcceptingTheCart_IsRefusedAndFreesThePoNumber()
    {
        var tenant = await TestTenant.CreateAsync(Grains);
        var command = tenant.Order("PO-RELEASED");
        var gate = tenant.PoNumber(Grains, command.PoNumber);
        var claimedOrderId = await BlockedOrderWrite.PlaceAsync(fixture.ConnectionString, Grains, tenant, command);
        await TestTenant.PutProductAsync(Grains, tenant.Product with { Denominations = [50m] });

        var refused = await gate.Place(command);
        var pendingAfterRefusal = await OrderLedger.PendingClaimsAsync(fixture.ConnectionString, tenant.AccountId);
        var corrected = await gate.Place(command with { LineItems = [new OrderLineRequest(tenant.Product.ProductId, 1, 50m)] });

        Assert.Equal(ErrorCodes.InvalidDenomination, refused.Error?.Code);
        Assert.Empty(pendingAfterRefusal);
        Assert.Null(corrected.Error);
        Assert.False(corrected.Replayed);
        Assert.NotEqual(claimedOrderId, corrected.Order!.OrderId);
        var stored = await OrderLedger.OrdersByPoNumberAsync(fixture.ConnectionString, tenant.AccountId);
        Assert.Equal([corrected.Order.OrderId], stored[command.PoNumber]);
    }

    [Fact]
    public async Task Sweep_OfAClaimYoungerThanTheGracePeriod_ResumesNothing()
    {
        var tenant = await TestTenant.CreateAsync(Grains);
        var command = tenant.Order("PO-FRESH");
        await BlockedOrderWrite.PlaceAsync(fixture.ConnectionString, Grains, tenant, command);

        // Nothing blocks the order any more, so resuming the claim now would create it: the grace period must not.
        var resumed = await Grains.GetGrain<IClaimSweeperGrain>(0).Sweep();

        Assert.Equal(0, resumed);
        Assert.Equal([command.PoNumber], await OrderLedger.PendingClaimsAsync(fixture.ConnectionString, tenant.AccountId));
        Assert.Empty(await OrderLedger.OrdersByPoNumberAsync(fixture.ConnectionString, tenant.AccountId));
        Assert.Null((await tenant.PoNumber(Grains, command.PoNumber).Place(command)).Error);
    }
}
