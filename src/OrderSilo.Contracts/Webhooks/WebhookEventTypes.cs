using System.Collections.Immutable;

namespace OrderSilo.Contracts.Webhooks;

/// <summary>The event types an endpoint subscribes to (sql/11_ordersilo_webhooks.sql derives them).</summary>
public static class WebhookEventTypes
{
    /// <summary>An order was placed (any payment type; a quote is <see cref="QuoteCreated"/>).</summary>
    public const string OrderCreated = "order.created";
    /// <summary>An order became <c>completed</c> (also one that opened completed: both events come).</summary>
    public const string OrderCompleted = "order.completed";
    /// <summary>An order or a quote became <c>cancelled</c>.</summary>
    public const string OrderCancelled = "order.cancelled";
    /// <summary>An order's <c>deliveryStatus</c> changed after it was placed.</summary>
    public const string OrderDeliveryUpdated = "order.delivery_updated";
    /// <summary>A payment was recorded on an order.</summary>
    public const string OrderPaymentReceived = "order.payment_received";
    /// <summary>Money was given back for an order (a refund by the operator, or a paid order cancelled).</summary>
    public const string OrderRefunded = "order.refunded";
    /// <summary>A quote was made.</summary>
    public const string QuoteCreated = "quote.created";
    /// <summary>A quote was accepted and became an order.</summary>
    public const string QuoteAccepted = "quote.accepted";
    /// <summary>A quote passed its <c>validUntil</c>.</summary>
    public const string QuoteExpired = "quote.expired";

    /// <summary>Every event type.</summary>
    public static ImmutableArray<string> All { get; } =
        [OrderCreated, OrderCompleted, OrderCancelled, OrderDeliveryUpdated, OrderPaymentReceived, OrderRefunded, QuoteCreated, QuoteAccepted, QuoteExpired];

    /// <summary>True for an event type of <see cref="All"/>.</summary>
    public static bool IsKnown(string? type) => type is not null && All.Contains(type);
}
