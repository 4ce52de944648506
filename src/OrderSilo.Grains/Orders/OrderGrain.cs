using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Grains.Infrastructure;
using Orleans.Concurrency;

namespace OrderSilo.Grains.Orders;

[GrainType("order")]
internal sealed class OrderGrain(
    [PersistentState("order", StorageNames.Orders)] IPersistentState<OrderState> state,
    IGrainFactory grains,
    TimeProvider clock) : Grain, IOrderGrain
{
    public async Task<PlaceOrderResult> Place(OrderPlacement placement)
    {
        if (state.State.Order is { } existing)
        {
            // An order id is claimed by exactly one poNumber; anything else is a bug, not a business outcome.
            return existing.PoNumber == placement.Command.PoNumber && state.State.AccountId == placement.AccountId
                ? PlaceOrderResult.Replay(existing)
                : throw new InvalidOperationException($"Order {placement.OrderId} belongs to another placement.");
        }

        var priced = placement.Priced is { } given
            ? Outcome<PricedOrder>.Ok(given)
            : await PlacementPricer.PriceAsync(grains, placement.AccountId, placement.Command);
        if (priced.Failed)
            return PlaceOrderResult.Refused(priced.Error!);

        var now = clock.GetUtcNow();
        var order = OrderRules.NewAccountOrder(placement, priced.Value!, VoucherIssuer.Issue(priced.Value!, now), now);
        await state.ChangeAndWriteAsync(this, _ => new OrderState(placement.AccountId, order));
        return PlaceOrderResult.Created(order);
    }

    [ReadOnly]
    public Task<Order?> Get(string accountId) =>
        Task.FromResult(state.State.AccountId == accountId ? state.State.Order : null);
}
