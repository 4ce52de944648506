namespace OrderSilo.Api.Tests.Webhooks;

/// <summary>The HTTP steps of the webhook tests.</summary>
internal static class WebhookSteps
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static readonly string[] AllEvents =
        ["order.created", "order.completed", "order.cancelled", "order.delivery_updated", "order.payment_received", "quote.created", "quote.accepted", "quote.expired"];

    /// <summary>A list of event types for a request body.</summary>
    public static string[] Events(params string[] types) => types;

    /// <summary>Registers <paramref name="receiver"/>'s URL for <paramref name="events"/> (all by default) and gives the receiver the secret.</summary>
    public static async Task<string> RegisterAsync(ApiSession tenant, WebhookReceiver receiver, string[]? events = null)
    {
        var created = await ApiSession.ReadJsonAsync(
            await tenant.Http.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url.ToString(), events = events ?? AllEvents }, Cancel), 201);
        receiver.Secret = created["secret"]!.GetValue<string>();
        return created["webhookId"]!.GetValue<string>();
    }

    /// <summary>Reads the webhook until <paramref name="done"/> holds (the dispatcher works in the background).</summary>
    public static async Task<JsonObject> WaitForWebhookAsync(ApiSession tenant, string webhookId, TimeSpan patience, Func<JsonObject, bool> done)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var webhook = await GetWebhookAsync(tenant, webhookId);
            if (done(webhook))
                return webhook;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Webhook {webhookId} did not get there: {webhook.ToJsonString()}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    public static async Task<JsonObject> GetWebhookAsync(ApiSession tenant, string webhookId) =>
        await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri($"/api/v1/webhooks/{webhookId}", UriKind.Relative), Cancel), 200);

    public static async Task<JsonObject> PatchAsync(ApiSession tenant, string webhookId, object change) =>
        await ApiSession.ReadJsonAsync(await tenant.Http.PatchAsJsonAsync($"/api/v1/webhooks/{webhookId}", change, Cancel), 200);

    public static async Task DeleteAsync(ApiSession tenant, string webhookId) =>
        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Http.DeleteAsync(new Uri($"/api/v1/webhooks/{webhookId}", UriKind.Relative), Cancel)).StatusCode);

    /// <summary>Every delivery of the endpoint, following the cursor.</summary>
    public static async Task<List<JsonObject>> DeliveriesAsync(ApiSession tenant, string webhookId, string query = "")
    {
        var all = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var page = await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri(
                $"/api/v1/webhooks/{webhookId}/deliveries?limit=5{query}{(cursor is null ? "" : "&cursor=" + cursor)}", UriKind.Relative), Cancel), 200);
            all.AddRange(page["data"]!.AsArray().Select(d => d!.AsObject()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return all;
    }

    /// <summary>
    /// The endpoint's deliveries once each is <c>succeeded</c> (a receiver has its answer a moment before the
    /// dispatcher records it).
    /// </summary>
    public static async Task<List<JsonObject>> SucceededDeliveriesAsync(ApiSession tenant, string webhookId, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var deliveries = await DeliveriesAsync(tenant, webhookId);
            if (deliveries.Count == count && deliveries.All(d => d["status"]!.GetValue<string>() == "succeeded"))
                return deliveries;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Not all {count} deliveries of {webhookId} succeeded: {string.Join(", ", deliveries.Select(d => d.ToJsonString()))}");
            await Task.Delay(100, Cancel);
        }
    }

    public static async Task<HttpResponseMessage> ReplayAsync(ApiSession tenant, string webhookId, string eventId) =>
        await tenant.Http.PostAsync(new Uri($"/api/v1/webhooks/{webhookId}/deliveries/{eventId}/replay", UriKind.Relative), null, Cancel);
}
