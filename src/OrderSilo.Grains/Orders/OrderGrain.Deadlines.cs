using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Grains.Orders;

/// <summary>
/// The order's timed steps, driven by one Orleans reminder (<c>deadline</c>) that exists exactly while the order has
/// a deadline (a quote's end, a payment term, a delivery) or credit to give back. Ticks may come late, twice or
/// after a silo was down: each one only compares the durable state with the clock, and so does every call.
/// </summary>
internal sealed partial class OrderGrain
{
    private const string ReminderName = "deadline";

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var current = await State.ReadAsync();
        if (current.Order is not null)
            await CatchUpAsync();
        if (current.Order is null || !HasTimedWork(State.State))
            await UnscheduleAsync();
    }

    /// <summary>Finishes an unsettled release and applies a deadline that has passed, once.</summary>
    private async Task CatchUpAsync()
    {
        await SettleAsync();
        var state = State.State;
        var order = state.Order!;
        var now = clock.GetUtcNow();
        if (OrderLifecycle.Deadline(order, state.FulfilAt) is not { } deadline || deadline > now)
            return;
        var next = order.Status switch
        {
            OrderStatuses.Quote => OrderLifecycle.Move(order, OrderStatuses.Expired, "quote_expired", now),
            OrderStatuses.AwaitingPayment => OrderLifecycle.Cancel(order, "payment_overdue", "payment_overdue", now),
            _ => Fulfil(order, state.Priced!, now),
        };
        await CommitAsync(next, Actor.System);
    }

    /// <summary>The built-in issuer's delivery: the vouchers, or a cancellation when it is set to fail the product.</summary>
    private Order Fulfil(Order order, Contracts.Pricing.PricedOrder priced, DateTimeOffset now)
    {
        var failing = options.Value.FailFulfilmentProductCodePrefix;
        return !string.IsNullOrEmpty(failing) && priced.Products.Any(p => p.Code.StartsWith(failing, StringComparison.Ordinal))
            ? OrderLifecycle.Cancel(order, "fulfilment_failed", "fulfilment_failed", now)
            : OrderLifecycle.Fulfilled(order, VoucherIssuer.Issue(priced, now), now);
    }

    /// <summary>
    /// Tells the company about credit the last transition gave back (and the promotions about uses a cancelled or
    /// expired order gives back), then records that they were told. Both releases are idempotent.
    /// </summary>
    private async Task SettleAsync()
    {
        if (!State.State.Unsettled)
            return;
        var order = State.State.Order!;
        await Company(order).ReleaseCredit(order.OrderId);
        if (order.Status is OrderStatuses.Cancelled or OrderStatuses.Expired)
            await Promotions.PromotionHolds.ReleaseAsync(grains, order);
        await State.WriteAsync(State.State with { Unsettled = false });
    }

    /// <summary>
    /// Before a write that gives the order timed work (or moves its deadline), makes sure the reminder exists and
    /// is due then; before, so that a crash after the write cannot leave a deadline no reminder will meet.
    /// </summary>
    private async Task ScheduleAsync(OrderState? before, OrderState after)
    {
        var due = DueOf(after);
        if (due is null || (before is not null && due == DueOf(before)))
            return;
        var now = clock.GetUtcNow();
        var dueTime = due.Value > now ? due.Value - now : TimeSpan.Zero;
        await this.RegisterOrUpdateReminder(ReminderName, dueTime, options.Value.ReminderPeriod);
    }

    private async Task UnscheduleAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    /// <summary>When the reminder should next tick: the deadline, or at once (one period on) when credit is to be settled.</summary>
    private DateTimeOffset? DueOf(OrderState state)
    {
        var deadline = OrderLifecycle.Deadline(state.Order!, state.FulfilAt);
        if (!state.Unsettled)
            return deadline;
        var settleBy = clock.GetUtcNow() + options.Value.ReminderPeriod;
        return deadline is { } d && d < settleBy ? d : settleBy;
    }

    private static bool HasTimedWork(OrderState state) =>
        state.Unsettled || OrderLifecycle.Deadline(state.Order!, state.FulfilAt) is not null;
}
