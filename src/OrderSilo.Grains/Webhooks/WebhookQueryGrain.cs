using System.Collections.Immutable;
using Npgsql;
using OrderSilo.Contracts.Webhooks;
using Orleans.Concurrency;

namespace OrderSilo.Grains.Webhooks;

/// <summary>Webhook endpoints and deliveries from PostgreSQL, where the grains' writes and the dispatchers put them.</summary>
[StatelessWorker]
internal sealed class WebhookQueryGrain(NpgsqlDataSource database) : Grain, IWebhookQueryGrain
{
    public Task<(ImmutableArray<Webhook> Webhooks, ListCursor? Next)> List(string accountId, int limit, ListCursor? after) =>
        WebhookRows.ListAsync(database, accountId, limit, after);

    public Task<Webhook?> Find(string accountId, string webhookId) => WebhookRows.FindAsync(database, accountId, webhookId);

    public async Task<(ImmutableArray<WebhookDelivery> Deliveries, ListCursor? Next)?> Deliveries(WebhookDeliveryQuery query)
    {
        if (await WebhookRows.FindAsync(database, query.AccountId, query.WebhookId) is null)
            return null;
        return await WebhookRows.DeliveriesAsync(database, query);
    }

    public Task<int> Count(string accountId) => WebhookRows.CountAsync(database, accountId);
}
