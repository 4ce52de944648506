namespace OrderSilo.Grains.Webhooks;

/// <summary>A row of <c>webhook_events</c>: what happened to which order, and the order as that change wrote it.</summary>
/// <param name="EventId">The event id, <c>evt_…</c> (the <c>webhook-id</c> header).</param>
/// <param name="Type">The event type.</param>
/// <param name="OrderId">The order.</param>
/// <param name="Sequence">The event's place among the order's events.</param>
/// <param name="OrderJson">The order in its stored JSON form (<see cref="Infrastructure.StateJson"/>).</param>
/// <param name="CreatedAt">When the change was committed.</param>
public sealed record WebhookEvent(string EventId, string Type, string OrderId, int Sequence, string OrderJson, DateTimeOffset CreatedAt);
