using OrderSilo.Contracts.Common;

namespace OrderSilo.Contracts.Webhooks;

/// <summary>One webhook endpoint, keyed by its id (<c>whk_…</c>). Every call names the caller's account: another one's is not found.</summary>
[Alias("OrderSilo.IWebhookGrain")]
public interface IWebhookGrain : IGrainWithStringKey
{
    /// <summary>Registers the endpoint (URL and events required) with a new signing secret.</summary>
    [Alias("Create")]
    Task<Outcome<WebhookRegistration>> Create(string accountId, WebhookChange registration);

    /// <summary>Changes its URL, events or enabled flag.</summary>
    [Alias("Update")]
    Task<Outcome<Webhook>> Update(string accountId, WebhookChange change);

    /// <summary>Deletes it with its deliveries.</summary>
    [Alias("Delete")]
    Task<Outcome<bool>> Delete(string accountId);

    /// <summary>Sends an event again, with the same <c>webhook-id</c>, as soon as possible.</summary>
    [Alias("Replay")]
    Task<Outcome<WebhookDelivery>> Replay(string accountId, string eventId);

    /// <summary>The dispatcher's call: disables an endpoint that failed for the whole retry window (<c>failing</c>) or answered 410 (<c>gone</c>).</summary>
    [Alias("DisableForFailures")]
    Task DisableForFailures(string reason);
}
