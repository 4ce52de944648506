using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Grains.Orders;

/// <summary>
/// Money given back for an order, free of Orleans. A refund never exceeds what was paid and not yet refunded. Card
/// and balance money goes back by the grain after the refund is written (<c>pending</c> until then, so a crash in
/// between finishes it later); money that came by wire, check, cash or on account the seller pays back itself, and
/// the refund records it.
/// </summary>
public static class RefundRules
{
    /// <summary>The payment method of card refunds (through the gateway).</summary>
    public const string Card = "card";
    /// <summary>The method of refunds to the prepaid balance.</summary>
    public const string Balance = "balance";

    /// <summary>
    /// The order with the refund asked for, or the order as it is when <paramref name="refundId"/> was asked for
    /// before with the same amount; <c>conflict</c> with another amount, <c>refund_exceeds_paid</c> beyond what was paid.
    /// </summary>
    public static Outcome<Order> Ask(Order order, string refundId, decimal amount, string? reason, Actor actor, DateTimeOffset now)
    {
        if (order.Refunds.FirstOrDefault(r => r.RefundId == refundId) is { } earlier)
            return earlier.Amount == amount
                ? Outcome<Order>.Ok(order)
                : Outcome<Order>.Fail(ErrorCodes.Conflict, $"Refund '{refundId}' was asked for with {earlier.Amount} {order.Currency}, not {amount}.", "refundId");
        if (amount <= 0 || !Currencies.IsExact(amount, order.Currency))
            return Outcome<Order>.Fail(ErrorCodes.ValidationFailed, $"An amount above 0 in whole minor units of {order.Currency}.", "amount");
        var refundable = Refundable(order);
        if (amount > refundable)
            return Outcome<Order>.Fail(ErrorCodes.RefundTooLarge,
                $"Order '{order.OrderId}' has {refundable} {order.Currency} paid and not refunded; {amount} is more than that.", "amount");
        return Outcome<Order>.Ok(With(order, refundId, Currencies.Round(amount, order.Currency), reason, actor.Name, now));
    }

    /// <summary>
    /// A paid order that is cancelled gives back at once what the gateway or the balance took and was not refunded:
    /// nothing is kept for nothing. Money recorded by hand stays for the operator to refund.
    /// </summary>
    public static Order ForCancelled(Order order, DateTimeOffset now)
    {
        var refundable = Refundable(order);
        var method = MethodOf(order);
        if (refundable <= 0 || method is not (Card or Balance))
            return order;
        return With(order, CancelRefundId(order.OrderId), refundable, order.CancelReason, Actor.System.Name, now);
    }

    /// <summary>The refund the gateway or the balance now has.</summary>
    public static Order Settled(Order order, string refundId, string? gatewayRefundId, DateTimeOffset now) => order with
    {
        Refunds = [.. order.Refunds.Select(r => r.RefundId == refundId ? r with { Status = OrderRefund.Succeeded, GatewayRefundId = gatewayRefundId } : r)],
        UpdatedAt = now,
        Version = order.Version + 1,
    };

    /// <summary>The refund the gateway refused: it stays on the order, failed, and counts no more.</summary>
    public static Order Failed(Order order, string refundId, string why, DateTimeOffset now)
    {
        var failed = order.Refunds.First(r => r.RefundId == refundId);
        return order with
        {
            Refunds = [.. order.Refunds.Select(r => r.RefundId == refundId ? r with { Status = OrderRefund.Failed, Reason = why } : r)],
            AmountRefunded = Currencies.Round(order.AmountRefunded - failed.Amount, order.Currency),
            UpdatedAt = now,
            Version = order.Version + 1,
        };
    }

    /// <summary>True while a refund waits for the gateway or the balance.</summary>
    public static bool HasPending(Order order) => order.Refunds.Any(r => r.Status == OrderRefund.Pending);

    /// <summary>How the order's money goes back: the way it came.</summary>
    public static string MethodOf(Order order) => order.PaymentType switch
    {
        PaymentTypes.Card => Card,
        _ when order.ChargeId is not null => Card,
        PaymentTypes.Balance => Balance,
        PaymentTypes.Account => PaymentTypes.Account,
        _ => order.Payments.Select(p => p.Method).Distinct().Count() == 1 ? order.Payments[0].Method : PaymentMethods.Other,
    };

    /// <summary>The refund key of a charge that made no order (a refused placement, a quote that ended).</summary>
    public static string VoidRefundId(string orderId) => "re_" + orderId[4..] + "_void";

    private static string CancelRefundId(string orderId) => "re_" + orderId[4..] + "_cancel";

    private static decimal Refundable(Order order) => Currencies.Round(order.AmountPaid - order.AmountRefunded, order.Currency);

    private static Order With(Order order, string refundId, decimal amount, string? reason, string actor, DateTimeOffset now)
    {
        var method = MethodOf(order);
        var status = method is Card or Balance ? OrderRefund.Pending : OrderRefund.Recorded;
        var refund = new OrderRefund(refundId, amount, method, status, now, reason, actor);
        return order with
        {
            Refunds = order.Refunds.Add(refund),
            AmountRefunded = Currencies.Round(order.AmountRefunded + amount, order.Currency),
            History = order.History.Add(new OrderTransition(now, order.Status, order.Status, "refund",
                $"refund {refundId}: {amount} {order.Currency} by {method}{(reason is null ? "" : ": " + reason)}")),
            UpdatedAt = now,
            Version = order.Version + 1,
        };
    }
}
