namespace OrderSilo.Contracts.Webhooks;

/// <summary>One attempt to deliver an event.</summary>
/// <param name="At">When it was made.</param>
/// <param name="StatusCode">The HTTP status the endpoint answered; null when it did not answer (timeout, refused connection).</param>
/// <param name="LatencyMs">How long it took, in milliseconds.</param>
/// <param name="Error">Why it failed, when it did not get a 2xx answer.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.WebhookAttempt")]
public sealed record WebhookAttempt(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] int? StatusCode,
    [property: Id(2)] int LatencyMs,
    [property: Id(3)] string? Error);
