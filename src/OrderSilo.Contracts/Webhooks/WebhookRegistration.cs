namespace OrderSilo.Contracts.Webhooks;

/// <summary>A newly registered endpoint and its signing secret, which is shown this once.</summary>
/// <param name="Webhook">The endpoint.</param>
/// <param name="Secret">The Standard Webhooks signing secret, <c>whsec_</c> and the base64 of its key.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.WebhookRegistration")]
public sealed record WebhookRegistration([property: Id(0)] Webhook Webhook, [property: Id(1)] string Secret);
