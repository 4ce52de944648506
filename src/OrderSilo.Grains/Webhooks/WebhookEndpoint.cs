using System.Collections.Immutable;

namespace OrderSilo.Grains.Webhooks;

/// <summary>A webhook endpoint as its grain stores it, secret included (projected to <c>webhook_endpoints</c>).</summary>
public sealed record WebhookEndpoint
{
    public required string WebhookId { get; init; }
    public required string AccountId { get; init; }
    public required string Url { get; init; }
    public required ImmutableArray<string> Events { get; init; }
    public required bool Enabled { get; init; }
    public string? DisabledReason { get; init; }
    public required string Secret { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
}
