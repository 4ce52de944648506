using System.Collections.Immutable;

namespace OrderSilo.Contracts.Webhooks;

/// <summary>What a registration sets, or what an update changes (null: unchanged).</summary>
/// <param name="Url">Where events are POSTed.</param>
/// <param name="Events">The event types to receive.</param>
/// <param name="Enabled">Enable (held deliveries start again) or disable (deliveries are held).</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.WebhookChange")]
public sealed record WebhookChange(
    [property: Id(0)] string? Url = null,
    [property: Id(1)] ImmutableArray<string>? Events = null,
    [property: Id(2)] bool? Enabled = null);
