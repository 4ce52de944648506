using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using OrderSilo.Grains.Orders;

namespace OrderSilo.Grains.Tests.Cluster;

/// <summary>
/// Nothing is kept for nothing: money a card charge or a balance draw took for an order that was then never written
/// goes back (a placement refused when rolled forward, an accept whose write failed), once.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class MoneyBackTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task APlacementRefusedWhenRolledForward_RefundsTheChargeAnEarlierAttemptMade()
    {
        var tenant = await TestTenant.CreateAsync(Grains);
        var company = Grains.GetGrain<ICompanyGrain>(tenant.Company.Id);
        await company.SaveCard(tenant.AccountId, "tok_visa");
        var (orderId, command) = (Ids.NewOrderId(DateTimeOffset.UtcNow), tenant.Order("CHARGED-THEN-REFUSED", 2, PaymentTypes.Card));
        // The earlier attempt charged the card and was cut off before the order's write.
        Assert.Null((await company.ChargeCard(tenant.AccountId, orderId, 2 * TestTenant.Denomination, "USD")).Error);
        await TestTenant.PutProductAsync(Grains, tenant.Product with { Denominations = [50m] });

        var rolledForward = await Grains.GetGrain<IOrderGrain>(orderId).Place(new OrderPlacement(orderId, tenant.AccountId, command));

        Assert.Equal(ErrorCodes.InvalidDenomination, rolledForward.Error?.Code);
        var refund = Assert.Single(RefundLog.For(orderId));
        Assert.Equal((RefundRules.VoidRefundId(orderId), (decimal?)null), (refund.IdempotencyKey, refund.Amount));
    }

    [Fact]
    public async Task APlacementRefusedWhenRolledForward_GivesBackWhatAnEarlierAttemptDrewFromTheBalance()
    {
        var tenant = await TestTenant.CreateAsync(Grains);
        var company = Grains.GetGrain<ICompanyGrain>(tenant.Company.Id);
        Assert.Null((await company.TopUp(TestTenant.Operator, "T-1", 100m)).Error);
        var (orderId, command) = (Ids.NewOrderId(DateTimeOffset.UtcNow), tenant.Order("DRAWN-THEN-REFUSED", 2, PaymentTypes.Balance));
        Assert.Null((await company.PayFromBalance(tenant.AccountId, orderId, 2 * TestTenant.Denomination, "USD")).Error);
        await TestTenant.PutProductAsync(Grains, tenant.Product with { Denominations = [50m] });

        var rolledForward = await Grains.GetGrain<IOrderGrain>(orderId).Place(new OrderPlacement(orderId, tenant.AccountId, command));
        var again = await Grains.GetGrain<IOrderGrain>(orderId).Place(new OrderPlacement(orderId, tenant.AccountId, command));

        Assert.Equal((ErrorCodes.InvalidDenomination, ErrorCodes.InvalidDenomination), (rolledForward.Error?.Code, again.Error?.Code));
        Assert.Equal(100m, (await company.GetAny())!.Balance);
        var moves = (await company.BalanceTransactions(null, null, 10))!.Value;
        Assert.Equal([BalanceMovementKinds.OrderReturned, BalanceMovementKinds.Order, BalanceMovementKinds.TopUp], moves.Select(m => m.Kind));
        Assert.Equal((50m, 100m), (moves[0].Amount, moves[0].BalanceAfter));
    }

    [Fact]
    public async Task AnAutoPayAcceptWhoseWriteFailed_RefundsTheCharge_AndOneWhoseAnswerWasLost_KeepsIt()
    {
        var tenant = await TestTenant.CreateAsync(Grains);
        await Grains.GetGrain<ICompanyGrain>(tenant.Company.Id).SaveCard(tenant.AccountId, "tok_visa");
        var failed = (await tenant.PoNumber(Grains, "AUTOPAY-FAILED").Place(tenant.Order("AUTOPAY-FAILED") with { Quote = true })).Order!;
        var lost = (await tenant.PoNumber(Grains, "AUTOPAY-LOST").Place(tenant.Order("AUTOPAY-LOST") with { Quote = true })).Order!;
        await BlockedOrderWrite.BlockAsync(fixture.ConnectionString, tenant.AccountId, failed);
        LostAnswerStorage.LoseTheAnswerOfTheNextWrite(lost.OrderId);

        await Assert.ThrowsAnyAsync<Exception>(() => Grains.GetGrain<IOrderGrain>(failed.OrderId).Accept(tenant.Actor, autoPay: true));
        await Assert.ThrowsAnyAsync<Exception>(() => Grains.GetGrain<IOrderGrain>(lost.OrderId).Accept(tenant.Actor, autoPay: true));

        Assert.Equal(RefundRules.VoidRefundId(failed.OrderId), Assert.Single(RefundLog.For(failed.OrderId)).IdempotencyKey);
        Assert.Empty(RefundLog.For(lost.OrderId));
        Assert.Equal(OrderStatuses.Completed, (await Grains.GetGrain<IOrderGrain>(lost.OrderId).Get(tenant.AccountId))!.Status);
    }
}
