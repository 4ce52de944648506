using System.Collections.Immutable;

namespace OrderSilo.Contracts.Webhooks;

/// <summary>One event on its way to one endpoint.</summary>
[GenerateSerializer, Immutable, Alias("OrderSilo.WebhookDelivery")]
public sealed record WebhookDelivery
{
    /// <summary>The event id, <c>evt_…</c>: the <c>webhook-id</c> header of every attempt and replay.</summary>
    [Id(0)] public required string EventId { get; init; }
    /// <summary>The event type.</summary>
    [Id(1)] public required string Type { get; init; }
    /// <summary>The order the event is about.</summary>
    [Id(2)] public required string OrderId { get; init; }
    /// <summary>The event's place among the order's events (increasing).</summary>
    [Id(3)] public required int Sequence { get; init; }
    /// <summary><c>pending</c> (to be attempted, or held while the endpoint is disabled), <c>succeeded</c> or <c>failed</c> (gave up).</summary>
    [Id(4)] public required string Status { get; init; }
    /// <summary>How many attempts were made.</summary>
    [Id(5)] public required int Attempts { get; init; }
    /// <summary>When the event happened.</summary>
    [Id(6)] public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>When the next attempt is due (pending deliveries only).</summary>
    [Id(7)] public DateTimeOffset? NextAttemptAt { get; init; }
    /// <summary>When the last attempt was made.</summary>
    [Id(8)] public DateTimeOffset? LastAttemptAt { get; init; }
    /// <summary>The HTTP status of the last attempt.</summary>
    [Id(9)] public int? LastStatusCode { get; init; }
    /// <summary>How long the last attempt took, in milliseconds.</summary>
    [Id(10)] public int? LastLatencyMs { get; init; }
    /// <summary>Why the last attempt failed.</summary>
    [Id(11)] public string? LastError { get; init; }
    /// <summary>When an attempt succeeded.</summary>
    [Id(12)] public DateTimeOffset? DeliveredAt { get; init; }
    /// <summary>The latest attempts, oldest first.</summary>
    [Id(13)] public ImmutableArray<WebhookAttempt> AttemptLog { get; init; } = [];
}
