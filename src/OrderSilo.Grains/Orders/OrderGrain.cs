using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Grains.Infrastructure;
using OrderSilo.Grains.Promotions;
using Orleans.Placement;
using Orleans.Storage;

namespace OrderSilo.Grains.Orders;

/// <summary>
/// One order: its placement (this file), its lifecycle (OrderGrain.Lifecycle.cs), its timed steps
/// (OrderGrain.Deadlines.cs) and its pay page (OrderGrain.PayPage.cs).
/// </summary>
[GrainType("order")]
[PreferLocalPlacement]
internal sealed partial class OrderGrain(
    [FromKeyedServices(StorageNames.Orders)] IGrainStorage storage,
    IGrainFactory grains,
    [FromKeyedServices(LifecycleOptions.ClockKey)] TimeProvider clock,
    IOptions<LifecycleOptions> options,
    IOptions<PayPageOptions> payPage) : Grain, IOrderGrain, IRemindable
{
    public const string StateName = "order";

    private OnDemandState<OrderState>? _state;

    private OnDemandState<OrderState> State => _state ??= new(storage, StateName, this);

    /// <summary>
    /// What opening an order did before its first write: the state to write, the companies where this call reserved
    /// credit, and the promotion uses held.
    /// </summary>
    private sealed record Opening(OrderState State, ImmutableArray<string> CreditReservedAt, PromotionHolds.Held Promotions);

    public async Task<PlaceOrderResult> Place(OrderPlacement placement)
    {
        // A placement the gate priced just now carries an order id it just made: nothing can be stored under it
        // but an earlier attempt of this same placement, so write first and read only if that write conflicts.
        if (placement.Priced is { } priced)
        {
            var opening = await OpenAsync(placement, priced);
            if (opening.Failed)
                return await RefusedAsync(placement, opening.Error!);
            if (await State.TryCreateAsync(opening.Value!.State))
                return await CreatedAsync(placement, opening.Value);
            await GiveBackSecondHoldsAsync(placement, opening.Value);
        }

        var current = await State.ReadAsync();
        if (current.Order is not null)
            return Replay(placement, current);

        // The order's own reservation (an earlier attempt's) must not count against it: the reservation, which
        // finds it held, is the credit check here.
        var repriced = await PlacementPricer.PriceAsync(grains, placement.AccountId, placement.Command, checksCredit: false);
        if (repriced.Failed)
            return await RefusedAsync(placement, repriced.Error!);
        var reopening = await OpenAsync(placement, repriced.Value!);
        if (reopening.Failed)
            return await RefusedAsync(placement, reopening.Error!);
        await State.WriteAsync(reopening.Value!.State);
        return await CreatedAsync(placement, reopening.Value);
    }

    /// <summary>An order id is claimed by exactly one poNumber; anything else is a bug, not a business outcome.</summary>
    private static PlaceOrderResult Replay(OrderPlacement placement, OrderState current) =>
        current.Order!.PoNumber == placement.Command.PoNumber && current.AccountId == placement.AccountId
            ? PlaceOrderResult.Replay(current.Order)
            : throw new InvariantViolationException($"Order {placement.OrderId} belongs to another placement.");

    /// <summary>
    /// Refuses the placement and gives back the credit held for its order id, but only once storage, read afresh,
    /// shows no order under it: an activation that read before another wrote must not free that order's credit
    /// (nor, by refusing, its poNumber). Such an order is the answer instead.
    /// </summary>
    private async Task<PlaceOrderResult> RefusedAsync(OrderPlacement placement, DomainError refusal)
    {
        var stored = await State.RefreshAsync();
        if (stored.Order is not null)
            return Replay(placement, stored);
        await Company(placement).ReleaseCredit(placement.OrderId);
        await GiveBackPaymentAsync(placement);
        return PlaceOrderResult.Refused(refusal);
    }

    /// <summary>
    /// An earlier attempt of a refused placement may have charged the card or drawn on the balance before it was
    /// cut off: that money goes back (once per order id; nothing, if it took none).
    /// </summary>
    private async Task GiveBackPaymentAsync(OrderPlacement placement)
    {
        var (command, orderId) = (placement.Command, placement.OrderId);
        if (command.Quote)
            return;
        if (command.Payment.Type == PaymentTypes.Card)
            await Company(placement).RefundCard(RefundRules.VoidRefundId(orderId), orderId, null, command.Currency);
        if (command.Payment.Type == PaymentTypes.Balance)
            await Company(placement).ReturnToBalance(orderId, RefundRules.VoidRefundId(orderId), BalanceMovementKinds.OrderReturned, null, null, Actor.System.Name);
    }

    /// <summary>
    /// Another activation wrote this order first, and the holds it found or made are the order's. Only a hold this
    /// call and the writer both made anew (the writer's own was confirmed before this call looked) is a second one,
    /// and this call gives that back.
    /// </summary>
    private async Task GiveBackSecondHoldsAsync(OrderPlacement placement, Opening opening)
    {
        var writer = State.State;
        await Task.WhenAll(opening.CreditReservedAt.Intersect(writer.CreditReservedAt)
            .Select(company => grains.GetGrain<ICompanyGrain>(company).ReleaseOwnCredit(placement.OrderId)));
        await PromotionHolds.ReleaseAsync(grains, placement.OrderId, opening.Promotions.Reserved.Intersect(writer.PromotionsReserved));
    }

    /// <summary>
    /// Everything that must precede the order's first write: the promotion uses (which may price the cart again
    /// without a used-up instant promotion), the card charge (idempotent by order id), the credit reservation (once
    /// per order id), and the deadline reminder (so a crash after the write cannot lose it). A refusal gives back
    /// what was held.
    /// </summary>
    private async Task<Outcome<Opening>> OpenAsync(OrderPlacement placement, PricedOrder priced)
    {
        var held = await PromotionHolds.ReserveAsync(grains, placement, priced);
        if (held.Failed)
            return Outcome<Opening>.Fail(held.Error!);
        var opening = await PayAsync(placement, held.Value!);
        if (opening.Failed)
            await PromotionHolds.ReleaseAsync(grains, placement.OrderId, held.Value!.Reserved);
        return opening;
    }

    private async Task<Outcome<Opening>> PayAsync(OrderPlacement placement, PromotionHolds.Held held)
    {
        var (command, priced) = (placement.Command, held.Priced);
        var now = clock.GetUtcNow();
        var type = command.Quote ? null : command.Payment.Type;
        string? chargeId = null;
        if (type == PaymentTypes.Card)
        {
            var charged = await Company(placement).ChargeCard(placement.AccountId, placement.OrderId, priced.Totals.AmountTotal, priced.Currency);
            if (charged.Failed)
                return Outcome<Opening>.Fail(charged.Error! with { Field = "payment.type" });
            chargeId = charged.Value;
        }
        if (type == PaymentTypes.Balance)
        {
            var drawn = await Company(placement).PayFromBalance(placement.AccountId, placement.OrderId, priced.Totals.AmountTotal, priced.Currency);
            if (drawn.Failed)
                return Outcome<Opening>.Fail(drawn.Error!);
        }
        ImmutableArray<string> reserved = [];
        if (OrderLifecycle.UsesCredit(type) && !placement.CreditReserved)
        {
            var reservation = await Company(placement).ReserveCredit(placement.AccountId, placement.OrderId, priced.Totals.AmountTotal, priced.Currency);
            if (reservation.Failed)
                return Outcome<Opening>.Fail(reservation.Error!);
            reserved = reservation.Value;
        }
        var company = type is PaymentTypes.Invoice or PaymentTypes.PurchaseOrder ? await Company(placement).GetFor(placement.AccountId) : null;
        // The buyer's autoApprove is a wish: the company's approval policy, set by the operator, decides.
        var approved = type == PaymentTypes.PurchaseOrder
            && ApprovalRules.ApprovedOnPlacement(company?.ApprovalPolicy ?? ApprovalPolicy.Default, command.Payment.AutoApprove, priced.Totals.AmountTotal);
        var vouchers = OrderRules.IsDelayed(priced) ? (ImmutableArray<Voucher>?)null : VoucherIssuer.Issue(priced, now);
        var payToken = PayLinks.NewToken();
        var order = PayLinks.Shown(OrderRules.Open(placement, priced, now, vouchers, chargeId, Terms(company?.PaymentTermsDays ?? 0), approved), payToken, payPage.Value);
        var state = new OrderState
        {
            PayToken = payToken,
            AccountId = placement.AccountId,
            Order = order,
            Priced = order.DeliveryStatus == OrderStatuses.Delivered ? null : priced,
            FulfilAt = order.Status == OrderStatuses.Processing ? now + options.Value.FulfilmentDelay : null,
            CreditReservedAt = reserved,
            PromotionsReserved = held.Reserved,
        };
        await ScheduleAsync(null, state);
        return Outcome<Opening>.Ok(new Opening(state, reserved, held));
    }

    private async Task<PlaceOrderResult> CreatedAsync(OrderPlacement placement, Opening opening)
    {
        var order = State.State.Order!;
        // A delivered order on account keeps its credit for good (whoever reserved it); open invoices and undelivered
        // orders keep theirs revocable (pending) until they are paid, delivered or cancelled.
        if (OrderLifecycle.CreditOf(order) == CreditHold.Final)
            await Company(placement).ConfirmCredit(placement.OrderId);
        // An atomic batch held the uses when it prepared: they are this order's to confirm too.
        var promotions = placement.CreditReserved
            ? opening.Promotions with { Reserved = [.. order.Promotions.Select(p => p.Code)] }
            : opening.Promotions;
        await PromotionHolds.ConfirmAsync(grains, placement.OrderId, promotions);
        return PlaceOrderResult.Created(order);
    }

    private PaymentTerms Terms(int days) => new(days, options.Value.PaymentTermDay);

    private ICompanyGrain Company(OrderPlacement placement) => grains.GetGrain<ICompanyGrain>(placement.Command.CompanyId);

    private ICompanyGrain Company(Order order) => grains.GetGrain<ICompanyGrain>(order.CompanyId);

    public async Task<Outcome<Order>> Update(string accountId, OrderPatch patch)
    {
        var found = await FindAsync(accountId);
        if (found.Failed)
            return found;
        var patched = OrderRules.ApplyPatch(found.Value!, patch, clock.GetUtcNow());
        if (!patched.Failed && patched.Value != found.Value)
            await State.WriteAsync(State.State with { Order = patched.Value });
        return patched;
    }

    public async Task<Order?> Get(string accountId)
    {
        var found = await FindAsync(accountId);
        return found.Value;
    }

    /// <summary>
    /// The order of <paramref name="accountId"/> (any account when null, for the operator), brought up to date
    /// with any deadline that passed while no one was looking (a late or lost reminder tick).
    /// </summary>
    private Task<Outcome<Order>> FindAsync(Actor actor) => FindAsync(actor.Scope);

    private async Task<Outcome<Order>> FindAsync(string? accountId)
    {
        var current = await State.ReadAsync();
        if (current.Order is null || (accountId is not null && current.AccountId != accountId))
            return Outcome<Order>.Fail(ErrorCodes.NotFound, $"There is no order '{this.GetPrimaryKeyString()}'.", "orderId");
        await CatchUpAsync();
        return Outcome<Order>.Ok(State.State.Order!);
    }
}
