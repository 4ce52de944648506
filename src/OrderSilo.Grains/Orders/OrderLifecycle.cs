using System.Collections.Immutable;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using static OrderSilo.Contracts.Orders.OrderStatuses;

namespace OrderSilo.Grains.Orders;

/// <summary>A company's payment terms: days to pay, and how long a day is (shortened in tests).</summary>
public sealed record PaymentTerms(int Days, TimeSpan DayLength);

/// <summary>What can happen to an order (docs/lifecycles.md has the diagram).</summary>
public enum OrderAction
{
    Accept,
    Approve,
    Cancel,
    Pay,
    ExpirePayment,
    ExpireQuote,
    Fulfil,
    FailFulfilment,
}

/// <summary>How an order stands on its company's credit.</summary>
public enum CreditHold
{
    /// <summary>It holds none (quotes, card and free orders, paid invoices, cancelled orders).</summary>
    None,
    /// <summary>It holds its total until it is paid or cancelled (open invoices and purchase orders, undelivered orders on account).</summary>
    Revocable,
    /// <summary>It used its total for good (a delivered order on account).</summary>
    Final,
}

/// <summary>
/// The order status machine, free of Orleans: which action each status allows, and every transition as a pure
/// function that moves the status and records it in the order's history.
/// </summary>
public static class OrderLifecycle
{
    private static readonly Dictionary<string, OrderAction[]> Allowed = new(StringComparer.Ordinal)
    {
        [Quote] = [OrderAction.Accept, OrderAction.Cancel, OrderAction.ExpireQuote],
        [PendingApproval] = [OrderAction.Approve, OrderAction.Cancel],
        [AwaitingPayment] = [OrderAction.Pay, OrderAction.Cancel, OrderAction.ExpirePayment],
        [Processing] = [OrderAction.Fulfil, OrderAction.FailFulfilment, OrderAction.Cancel],
        [Completed] = [],
        [Cancelled] = [],
        [Expired] = [],
        [Rejected] = [],
    };

    public static bool Allows(string status, OrderAction action) => Allowed.TryGetValue(status, out var actions) && actions.Contains(action);

    /// <summary>409 <c>invalid_state</c> when <paramref name="action"/> is not allowed from the order's status.</summary>
    public static DomainError? Refusal(Order order, OrderAction action) => Allows(order.Status, action)
        ? null
        : new DomainError(ErrorCodes.InvalidState, $"Order '{order.OrderId}' is {order.Status}: it cannot be {Verb(action)}.", "status");

    public static CreditHold CreditOf(Order order) => (order.PaymentType, order.Status) switch
    {
        (PaymentTypes.Account, Completed) => CreditHold.Final,
        (PaymentTypes.Account, Processing) => CreditHold.Revocable,
        (PaymentTypes.Invoice or PaymentTypes.PurchaseOrder, PendingApproval or AwaitingPayment) => CreditHold.Revocable,
        _ => CreditHold.None,
    };

    /// <summary>True when the payment type puts the order's total on the company's credit.</summary>
    public static bool UsesCredit(string? paymentType) => paymentType is PaymentTypes.Account or PaymentTypes.Invoice or PaymentTypes.PurchaseOrder;

    /// <summary>The moment an order's next timed step is due: a quote's end, a payment deadline or a delivery.</summary>
    public static DateTimeOffset? Deadline(Order order, DateTimeOffset? fulfilAt) => order.Status switch
    {
        Quote => order.ValidUntil,
        AwaitingPayment => order.PaymentDueAt,
        Processing => fulfilAt,
        _ => null,
    };

    /// <summary>The order moved to <paramref name="to"/>, with the step in its history and its version one higher.</summary>
    public static Order Move(Order order, string to, string cause, DateTimeOffset now, string? detail = null) => order with
    {
        Status = to,
        History = order.History.Add(new OrderTransition(now, order.History.IsEmpty ? null : order.Status, to, cause, detail)),
        UpdatedAt = now,
        Version = order.Version + 1,
    };

    /// <summary>
    /// Paid in full: delivered at once when <paramref name="vouchers"/> are given, else processing until fulfilled.
    /// Paid orders on account or by card count the total as paid.
    /// </summary>
    public static Order Paid(Order order, string cause, DateTimeOffset now, ImmutableArray<Voucher>? vouchers, string? detail = null)
    {
        var paid = order with { PaidAt = now, AmountPaid = order.Payments.IsEmpty ? order.Totals.AmountTotal : order.AmountPaid };
        return vouchers is { } issued
            ? Move(paid with { DeliveryStatus = Delivered, Vouchers = issued }, Completed, cause, now, detail)
            : Move(paid with { DeliveryStatus = Pending }, Processing, cause, now, detail);
    }

    /// <summary>Invoiced now: payment is due <paramref name="terms"/> from <paramref name="now"/>.</summary>
    public static Order Invoiced(Order order, string cause, DateTimeOffset now, PaymentTerms terms, string? detail = null) =>
        Move(order with { PaymentDueAt = now + terms.Days * terms.DayLength, PaymentTermsDays = terms.Days }, AwaitingPayment, cause, now, detail);

    public static Order Cancel(Order order, string cause, string reason, DateTimeOffset now) =>
        Move(order with
        {
            CancelledAt = now,
            CancelReason = reason,
            DeliveryStatus = order.DeliveryStatus == Delivered ? Delivered : DeliveryCancelled,
        }, Cancelled, cause, now, reason);

    public static Order Fulfilled(Order order, ImmutableArray<Voucher> vouchers, DateTimeOffset now) =>
        Move(order with { DeliveryStatus = Delivered, Vouchers = vouchers }, Completed, "fulfilled", now);

    /// <summary>
    /// Records a payment: refused when it is more than the order still owes; a reference recorded before answers
    /// the order as it is (the same amount) or <c>conflict</c> (another amount). Full payment is the caller's to
    /// complete with <see cref="Paid"/>.
    /// </summary>
    public static Outcome<Order> RecordPayment(Order order, OrderPayment payment)
    {
        var (reference, amount, now) = (payment.Reference, payment.Amount, payment.ReceivedAt);
        if (order.Payments.FirstOrDefault(p => p.Reference == reference) is { } earlier)
            return earlier.Amount == amount
                ? Outcome<Order>.Ok(order)
                : Outcome<Order>.Fail(ErrorCodes.Conflict, $"Payment '{reference}' was recorded with {earlier.Amount} {order.Currency}, not {amount}.", "reference");
        if (Refusal(order, OrderAction.Pay) is { } refusal)
            return Outcome<Order>.Fail(refusal);
        if (amount <= 0 || !Currencies.IsExact(amount, order.Currency))
            return Outcome<Order>.Fail(ErrorCodes.ValidationFailed, $"An amount above 0 in whole minor units of {order.Currency}.", "amount");
        var owed = order.Totals.AmountTotal - order.AmountPaid;
        if (amount > owed)
            return Outcome<Order>.Fail(ErrorCodes.Overpayment, $"Order '{order.OrderId}' owes {owed} {order.Currency}; {amount} is more than that.", "amount");
        return Outcome<Order>.Ok(order with
        {
            Payments = order.Payments.Add(payment with { Amount = Currencies.Round(amount, order.Currency) }),
            AmountPaid = Currencies.Round(order.AmountPaid + amount, order.Currency),
            UpdatedAt = now,
            Version = order.Version + 1,
        });
    }

    /// <summary>The steps <paramref name="next"/> added to <paramref name="before"/>'s history, signed by <paramref name="actor"/>.</summary>
    public static Order SignedBy(Order before, Order next, Actor actor)
    {
        var added = next.History.Length - before.History.Length;
        if (added <= 0)
            return next;
        var history = next.History.ToBuilder();
        for (var i = before.History.Length; i < history.Count; i++)
            history[i] = history[i] with { Actor = actor.Name };
        return next with { History = history.ToImmutable() };
    }

    /// <summary>True when what was paid covers the total.</summary>
    public static bool IsPaidInFull(Order order) => order.AmountPaid >= order.Totals.AmountTotal;

    private static string Verb(OrderAction action) => action switch
    {
        OrderAction.Accept => "accepted",
        OrderAction.Approve => "approved",
        OrderAction.Cancel => "cancelled",
        OrderAction.Pay => "paid",
        OrderAction.ExpirePayment => "cancelled for late payment",
        OrderAction.ExpireQuote => "expired",
        OrderAction.Fulfil => "fulfilled",
        _ => "failed",
    };
}
