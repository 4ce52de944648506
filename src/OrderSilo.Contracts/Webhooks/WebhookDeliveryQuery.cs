namespace OrderSilo.Contracts.Webhooks;

/// <summary>A page of an endpoint's deliveries, newest first.</summary>
/// <param name="AccountId">The caller's account.</param>
/// <param name="WebhookId">The endpoint.</param>
/// <param name="Status">Only deliveries in this status, when set.</param>
/// <param name="Limit">At most this many.</param>
/// <param name="After">The cursor of the previous page.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.WebhookDeliveryQuery")]
public sealed record WebhookDeliveryQuery(
    [property: Id(0)] string AccountId,
    [property: Id(1)] string WebhookId,
    [property: Id(2)] string? Status,
    [property: Id(3)] int Limit,
    [property: Id(4)] ListCursor? After);
