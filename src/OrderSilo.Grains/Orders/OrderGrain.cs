using Microsoft.Extensions.DependencyInjection;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Grains.Infrastructure;
using OrderSilo.Grains.Promotions;
using Orleans.Concurrency;
using Orleans.Placement;
using Orleans.Storage;

namespace OrderSilo.Grains.Orders;

[GrainType("order")]
[PreferLocalPlacement]
internal sealed class OrderGrain(
    [FromKeyedServices(StorageNames.Orders)] IGrainStorage storage,
    IGrainFactory grains,
    TimeProvider clock) : Grain, IOrderGrain
{
    public const string StateName = "order";

    private OnDemandState<OrderState>? _state;

    private OnDemandState<OrderState> State => _state ??= new(storage, StateName, this);

    public async Task<PlaceOrderResult> Place(OrderPlacement placement)
    {
        // A placement the gate priced just now carries an order id it just made: nothing can be stored under it
        // but an earlier attempt of this same placement, so write first and read only if that write conflicts.
        if (placement.Priced is { } priced)
        {
            var reserved = await ReserveAsync(placement, priced);
            if (reserved.Failed)
                return PlaceOrderResult.Refused(reserved.Error!);
            if (await State.TryCreateAsync(NewState(placement, reserved.Value!.Promotions.Priced)))
                return await ConfirmedAsync(placement, reserved.Value);
            // Another activation wrote this order first (its own reservation holds): undo only what this call did.
            await ReleaseAsync(placement, reserved.Value);
        }

        var current = await State.ReadAsync();
        if (current.Order is { } existing)
        {
            // An order id is claimed by exactly one poNumber; anything else is a bug, not a business outcome.
            return existing.PoNumber == placement.Command.PoNumber && current.AccountId == placement.AccountId
                ? PlaceOrderResult.Replay(existing)
                : throw new InvalidOperationException($"Order {placement.OrderId} belongs to another placement.");
        }

        var repriced = await PlacementPricer.PriceAsync(grains, placement.AccountId, placement.Command);
        if (repriced.Failed)
        {
            // Rolling forward a placement that can no longer be made: credit an earlier attempt reserved goes back.
            await Company(placement).ReleaseCredit(placement.OrderId);
            return PlaceOrderResult.Refused(repriced.Error!);
        }
        var reservation = await ReserveAsync(placement, repriced.Value!);
        if (reservation.Failed)
            return PlaceOrderResult.Refused(reservation.Error!);
        await State.WriteAsync(NewState(placement, reservation.Value!.Promotions.Priced));
        return await ConfirmedAsync(placement, reservation.Value);
    }

    /// <summary>What an order reserves before it is written: its promotions' uses, then its total on the company's credit.</summary>
    private sealed record Reservation(PromotionHolds.Held Promotions, bool Credit);

    /// <summary>
    /// Reserves the promotions' uses (which may price the cart again without a used-up instant promotion), then the
    /// final total on the company's credit; each once per order id. A refused credit gives the uses back.
    /// </summary>
    private async Task<Outcome<Reservation>> ReserveAsync(OrderPlacement placement, PricedOrder priced)
    {
        var promotions = await PromotionHolds.ReserveAsync(grains, placement, priced);
        if (promotions.Failed)
            return Outcome<Reservation>.Fail(promotions.Error!);
        var final = promotions.Value!.Priced;
        var credit = await Company(placement).ReserveCredit(placement.AccountId, placement.OrderId, final.Totals.AmountTotal, final.Currency);
        if (credit.Failed)
        {
            await PromotionHolds.ReleaseAsync(grains, placement.OrderId, promotions.Value.Reserved);
            return Outcome<Reservation>.Fail(credit.Error!);
        }
        return Outcome<Reservation>.Ok(new Reservation(promotions.Value, credit.Value));
    }

    private async Task ReleaseAsync(OrderPlacement placement, Reservation reserved)
    {
        if (reserved.Credit)
            await Company(placement).ReleaseCredit(placement.OrderId);
        await PromotionHolds.ReleaseAsync(grains, placement.OrderId, reserved.Promotions.Reserved);
    }

    private async Task<PlaceOrderResult> ConfirmedAsync(OrderPlacement placement, Reservation reserved)
    {
        if (reserved.Credit)
            await Company(placement).ConfirmCredit(placement.OrderId);
        await PromotionHolds.ConfirmAsync(grains, placement.OrderId, reserved.Promotions);
        return PlaceOrderResult.Created(State.State.Order!);
    }

    private ICompanyGrain Company(OrderPlacement placement) => grains.GetGrain<ICompanyGrain>(placement.Command.CompanyId);

    public async Task<Outcome<Order>> Update(string accountId, OrderPatch patch)
    {
        var current = await State.ReadAsync();
        if (current.Order is not { } order || current.AccountId != accountId)
            return Outcome<Order>.Fail(ErrorCodes.NotFound, $"There is no order '{this.GetPrimaryKeyString()}'.", "orderId");
        var patched = OrderRules.ApplyPatch(order, patch, clock.GetUtcNow());
        if (!patched.Failed && patched.Value != order)
            await State.WriteAsync(current with { Order = patched.Value });
        return patched;
    }

    [ReadOnly]
    public async Task<Order?> Get(string accountId)
    {
        var state = await State.ReadAsync();
        return state.AccountId == accountId ? state.Order : null;
    }

    private OrderState NewState(OrderPlacement placement, PricedOrder priced)
    {
        var now = clock.GetUtcNow();
        return new OrderState { AccountId = placement.AccountId, Order = OrderRules.NewAccountOrder(placement, priced, VoucherIssuer.Issue(priced, now), now) };
    }
}
