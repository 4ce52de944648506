using System.Collections.Immutable;

namespace OrderSilo.Contracts.Webhooks;

/// <summary>A webhook endpoint of an account, as clients see it (its secret is shown only when it is created).</summary>
[GenerateSerializer, Immutable, Alias("OrderSilo.Webhook")]
public sealed record Webhook
{
    /// <summary>The id, <c>whk_…</c>.</summary>
    [Id(0)] public required string WebhookId { get; init; }
    /// <summary>Where events are POSTed.</summary>
    [Id(1)] public required string Url { get; init; }
    /// <summary>The event types it receives (<see cref="WebhookEventTypes"/>).</summary>
    [Id(2)] public required ImmutableArray<string> Events { get; init; }
    /// <summary>False while deliveries are held: disabled by its owner, or for failing the whole retry window.</summary>
    [Id(3)] public required bool Enabled { get; init; }
    /// <summary>Why it is disabled: <c>by_owner</c>, <c>failing</c> (no success for the whole retry window) or <c>gone</c> (it answered 410).</summary>
    [Id(4)] public string? DisabledReason { get; init; }
    /// <summary>When it was registered.</summary>
    [Id(5)] public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>When its settings last changed.</summary>
    [Id(6)] public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Since when every attempt has failed; null when the last attempt succeeded.</summary>
    [Id(7)] public DateTimeOffset? FailingSince { get; init; }
    /// <summary>When an attempt last succeeded.</summary>
    [Id(8)] public DateTimeOffset? LastSuccessAt { get; init; }
}
