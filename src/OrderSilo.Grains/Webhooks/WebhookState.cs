namespace OrderSilo.Grains.Webhooks;

/// <summary>Stored as <c>{"webhook": …}</c>; projected to <c>webhook_endpoints</c> (null deletes the row and its deliveries).</summary>
public sealed record WebhookState(WebhookEndpoint? Webhook = null);
