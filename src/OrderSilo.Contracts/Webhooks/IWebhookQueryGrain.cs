using System.Collections.Immutable;

namespace OrderSilo.Contracts.Webhooks;

/// <summary>Reads of the webhook tables (stateless; served from PostgreSQL).</summary>
[Alias("OrderSilo.IWebhookQueryGrain")]
public interface IWebhookQueryGrain : IGrainWithIntegerKey
{
    /// <summary>The account's endpoints, newest first.</summary>
    [Alias("List")]
    Task<(ImmutableArray<Webhook> Webhooks, ListCursor? Next)> List(string accountId, int limit, ListCursor? after);

    /// <summary>One endpoint of the account, or null.</summary>
    [Alias("Find")]
    Task<Webhook?> Find(string accountId, string webhookId);

    /// <summary>A page of an endpoint's deliveries; null when the endpoint is not the account's.</summary>
    [Alias("Deliveries")]
    Task<(ImmutableArray<WebhookDelivery> Deliveries, ListCursor? Next)?> Deliveries(WebhookDeliveryQuery query);

    /// <summary>How many endpoints the account has.</summary>
    [Alias("Count")]
    Task<int> Count(string accountId);
}
