using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using OrderSilo.Grains.Orders;
using OrderSilo.Testing;

namespace OrderSilo.Grains.Tests.Cluster;

/// <summary>
/// The credit a placement holds stays with its order: a duplicate activation, a refusal on a stale view and a
/// roll-forward near the limit each once freed or refused what the order needed.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class PlacementHoldsTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    /// <param name="writerReservedItself">
    /// False: the writer found this call's reservation made and made none (it is the order's, and stays). True: the
    /// writer reserved and confirmed its own before this call looked, so this call's is a second one and goes back.
    /// </param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ADuplicateActivationThatLosesTheFirstWrite_LeavesTheOrderExactlyOneReservation(bool writerReservedItself)
    {
        var (tenant, company) = await TenantWithLimitAsync(100m);
        var placed = (await tenant.PoNumber(Grains, "DUP-A").Place(tenant.Order("DUP-A"))).Order!;
        var orderId = Ids.NewOrderId(DateTimeOffset.UtcNow);
        var command = tenant.Order("DUP-B");
        var written = await AnotherActivation.CopyAsync(fixture.Cluster, placed.OrderId, orderId, command.PoNumber);
        if (writerReservedItself)
        {
            await company.ReserveCredit(tenant.AccountId, orderId, placed.Totals.AmountTotal, "USD");
            await company.ConfirmCredit(orderId);
        }
        await AnotherActivation.WriteAsync(fixture.Cluster, orderId, written with { CreditReservedAt = writerReservedItself ? [tenant.Company.Id] : [] });
        var priced = (await PlacementPricer.PriceAsync(Grains, tenant.AccountId, command)).Value!;

        var loser = await Grains.GetGrain<IOrderGrain>(orderId).Place(new OrderPlacement(orderId, tenant.AccountId, command, priced));

        Assert.True(loser.Replayed);
        Assert.Equal(100m - 2 * placed.Totals.AmountTotal, (await company.GetAny())!.AvailableCredit);
    }

    [Fact]
    public async Task ARefusalOnAViewAnotherActivationOvertook_AnswersItsOrder_AndFreesNeitherCreditNorPoNumber()
    {
        var (tenant, company) = await TenantWithLimitAsync(100m);
        var placed = (await tenant.PoNumber(Grains, "STALE-A").Place(tenant.Order("STALE-A"))).Order!;
        var orderId = Ids.NewOrderId(DateTimeOffset.UtcNow);
        var command = tenant.Order("STALE-B");
        var order = Grains.GetGrain<IOrderGrain>(orderId);
        Assert.Null(await order.Get(tenant.AccountId));
        await company.ReserveCredit(tenant.AccountId, orderId, placed.Totals.AmountTotal, "USD");
        await AnotherActivation.WriteAsync(fixture.Cluster, orderId, await AnotherActivation.CopyAsync(fixture.Cluster, placed.OrderId, orderId, command.PoNumber));
        // The cart can no longer be placed as it was: pricing it again refuses it.
        await TestTenant.PutProductAsync(Grains, tenant.Product with { Denominations = [50m] });

        var rolledForward = await order.Place(new OrderPlacement(orderId, tenant.AccountId, command));

        Assert.Null(rolledForward.Error);
        Assert.Equal((true, orderId), (rolledForward.Replayed, rolledForward.Order!.OrderId));
        Assert.Equal(100m - 2 * placed.Totals.AmountTotal, (await company.GetAny())!.AvailableCredit);
    }

    [Fact]
    public async Task APlacementRolledForwardNearTheLimit_IsPlacedOnItsOwnReservation()
    {
        var tenant = await TestTenant.CreateAsync(Grains);
        var command = tenant.Order("NEAR-LIMIT");
        var total = (await PlacementPricer.PriceAsync(Grains, tenant.AccountId, command)).Value!.Totals.AmountTotal;
        var company = await LimitAsync(tenant, total);
        var claimedOrderId = await BlockedOrderWrite.PlaceAsync(fixture.ConnectionString, Grains, tenant, command);

        var retried = await tenant.PoNumber(Grains, command.PoNumber).Place(command);

        Assert.Null(retried.Error);
        Assert.Equal((false, claimedOrderId), (retried.Replayed, retried.Order!.OrderId));
        Assert.Equal(0m, (await company.GetAny())!.AvailableCredit);
        Assert.Equal([claimedOrderId], (await OrderLedger.OrdersByPoNumberAsync(fixture.ConnectionString, tenant.AccountId))[command.PoNumber]);
        Assert.NotNull(await tenant.PoNumber(Grains, command.PoNumber).GetOrder());
    }

    [Fact]
    public async Task AnAcceptWhoseWriteLandedButWhoseAnswerWasLost_KeepsTheInvoicesCredit()
    {
        var (tenant, company) = await TenantWithLimitAsync(100m);
        var quote = (await tenant.PoNumber(Grains, "ACCEPT-LOST").Place(tenant.Order("ACCEPT-LOST") with { Quote = true })).Order!;
        var order = Grains.GetGrain<IOrderGrain>(quote.OrderId);
        LostAnswerStorage.LoseTheAnswerOfTheNextWrite(quote.OrderId);

        await Assert.ThrowsAnyAsync<Exception>(() => order.Accept(tenant.Actor, autoPay: false));

        var stored = await order.Get(tenant.AccountId);
        Assert.Equal(OrderStatuses.AwaitingPayment, stored!.Status);
        Assert.Equal(100m - stored.Totals.AmountTotal, (await company.GetAny())!.AvailableCredit);
    }

    [Fact]
    public async Task AnAcceptWhoseWriteFailed_GivesTheReservationBack_AndTheQuoteCanBeAcceptedAgain()
    {
        var (tenant, company) = await TenantWithLimitAsync(100m);
        var quote = (await tenant.PoNumber(Grains, "ACCEPT-FAILED").Place(tenant.Order("ACCEPT-FAILED") with { Quote = true })).Order!;
        var order = Grains.GetGrain<IOrderGrain>(quote.OrderId);
        // A row of another order under the same poNumber makes the accept's write fail: it does not land.
        await BlockedOrderWrite.BlockAsync(fixture.ConnectionString, tenant.AccountId, quote);

        await Assert.ThrowsAnyAsync<Exception>(() => order.Accept(tenant.Actor, autoPay: false));
        var creditAfterFailure = (await company.GetAny())!.AvailableCredit;
        await BlockedOrderWrite.UnblockAsync(fixture.ConnectionString, tenant.AccountId);
        var accepted = await order.Accept(tenant.Actor, autoPay: false);

        Assert.Equal(100m, creditAfterFailure);
        Assert.Equal(OrderStatuses.AwaitingPayment, accepted.Value!.Status);
        Assert.Equal(100m - quote.Totals.AmountTotal, (await company.GetAny())!.AvailableCredit);
    }

    [Fact]
    public async Task TheGrains_RefuseATenantsPaymentAndTerms_WhateverTheEdgeLetThrough()
    {
        var (tenant, company) = await TenantWithLimitAsync(100m);
        var placed = (await tenant.PoNumber(Grains, "TRUST-1").Place(tenant.Order("TRUST-1", 1, PaymentTypes.Invoice))).Order!;
        var order = Grains.GetGrain<IOrderGrain>(placed.OrderId);

        var payment = await order.RecordPayment(tenant.Actor, "i-say-i-paid", placed.Totals.AmountTotal, PaymentMethods.Wire);
        var terms = await company.SetTerms(tenant.Actor, new CompanyTerms(SetsCreditLimit: true, null, null));

        Assert.Equal(ErrorCodes.Forbidden, payment.Error?.Code);
        Assert.Equal(ErrorCodes.Forbidden, terms.Error?.Code);
        Assert.Equal(OrderStatuses.AwaitingPayment, (await order.Get(tenant.AccountId))!.Status);
        Assert.Equal(100m - placed.Totals.AmountTotal, (await company.GetAny())!.AvailableCredit);
    }

    private async Task<(TestTenant Tenant, ICompanyGrain Company)> TenantWithLimitAsync(decimal limit)
    {
        var tenant = await TestTenant.CreateAsync(Grains);
        return (tenant, await LimitAsync(tenant, limit));
    }

    private async Task<ICompanyGrain> LimitAsync(TestTenant tenant, decimal limit)
    {
        var company = Grains.GetGrain<ICompanyGrain>(tenant.Company.Id);
        Assert.Null((await company.SetTerms(TestTenant.Operator, new CompanyTerms(SetsCreditLimit: true, limit, null))).Error);
        return company;
    }
}
