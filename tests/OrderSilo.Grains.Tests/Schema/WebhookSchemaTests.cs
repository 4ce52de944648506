using System.Text;
using System.Text.Json.Nodes;
using OrderSilo.Grains.Tests.Cluster;
using OrderSilo.Testing;

namespace OrderSilo.Grains.Tests.Schema;

/// <summary>
/// <c>sql/11_ordersilo_webhooks.sql</c> on a database of its own (no silo, so no dispatcher touches the rows):
/// which events an order write causes, and what the projection records for them.
/// </summary>
public sealed class WebhookSchemaTests(WebhookSchemaTests.Database database) : IClassFixture<WebhookSchemaTests.Database>
{
    public sealed class Database : IAsyncLifetime
    {
        public string ConnectionString { get; private set; } = null!;

        public async ValueTask InitializeAsync() => ConnectionString = await PostgresServer.CreateDatabaseAsync("webhooksql");

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private string Db => database.ConnectionString;

    [Theory]
    [InlineData(false, null, null, 0, """{"status":"completed","deliveryStatus":"delivered"}""", "order.created order.completed")]
    [InlineData(false, null, null, 0, """{"status":"processing","deliveryStatus":"pending"}""", "order.created")]
    [InlineData(false, null, null, 0, """{"status":"quote","deliveryStatus":"pending"}""", "quote.created")]
    [InlineData(true, "awaiting_payment", "pending", 0, """{"status":"awaiting_payment","deliveryStatus":"pending","payments":[{}]}""", "order.payment_received")]
    [InlineData(true, "awaiting_payment", "pending", 1, """{"status":"completed","deliveryStatus":"delivered","payments":[{},{}]}""", "order.payment_received order.delivery_updated order.completed")]
    [InlineData(true, "quote", "pending", 0, """{"status":"awaiting_payment","deliveryStatus":"pending"}""", "quote.accepted")]
    [InlineData(true, "quote", "pending", 0, """{"status":"completed","deliveryStatus":"delivered"}""", "quote.accepted order.delivery_updated order.completed")]
    [InlineData(true, "quote", "pending", 0, """{"status":"expired","deliveryStatus":"pending"}""", "quote.expired")]
    [InlineData(true, "quote", "pending", 0, """{"status":"cancelled","deliveryStatus":"cancelled"}""", "order.delivery_updated order.cancelled")]
    [InlineData(true, "pending_approval", "pending", 0, """{"status":"awaiting_payment","deliveryStatus":"pending"}""", "")]
    [InlineData(true, "processing", "pending", 0, """{"status":"completed","deliveryStatus":"delivered"}""", "order.delivery_updated order.completed")]
    [InlineData(true, "completed", "delivered", 0, """{"status":"completed","deliveryStatus":"delivered","tag":"x"}""", "")]
    public async Task EventTypes_FollowFromTheRowBeforeAndTheOrderWritten(
        bool existed, string? status, string? delivery, int payments, string order, string expected)
    {
        var types = await Sql.ScalarAsync<string[]>(Db,
            "select ordersilo_order_event_types($1, $2, $3, $4, $5::jsonb)", existed, status, delivery, payments, order);
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), types);
    }

    [Theory]
    [InlineData("completed", "delivered", 0, """{"status":"completed","deliveryStatus":"delivered","refunds":[{}]}""", "order.refunded")]
    [InlineData("completed", "delivered", 1, """{"status":"completed","deliveryStatus":"delivered","refunds":[{}]}""", "")]
    [InlineData("processing", "pending", 0, """{"status":"cancelled","deliveryStatus":"cancelled","refunds":[{}]}""", "order.delivery_updated order.cancelled order.refunded")]
    public async Task ARefund_IsAnEvent_AfterTheCancellationThatCausedIt(string status, string delivery, int refunds, string order, string expected)
    {
        var types = await Sql.ScalarAsync<string[]>(Db,
            "select ordersilo_order_event_types(true, $1, $2, 0, $3::jsonb, $4)", status, delivery, order, refunds);
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), types);
    }

    [Fact]
    public async Task AnAccountWithoutEndpoints_RecordsNothing()
    {
        var (account, orderId) = ("acc_" + Unique(), "ord_" + Unique());
        await WriteOrderAsync(account, orderId, 1, "completed", "delivered");

        Assert.Equal(0L, await Sql.ScalarAsync<long>(Db, "select count(*) from webhook_events where account_id = $1", account));
        Assert.Equal(0, await Sql.ScalarAsync<int>(Db, "select event_seq from orders where order_id = $1", orderId));
    }

    [Fact]
    public async Task OrderWrites_RecordEachSubscribedEvent_WithADeliveryPerSubscribedEndpoint_EvenADisabledOne()
    {
        var (account, other, orderId) = ("acc_" + Unique(), "acc_" + Unique(), "ord_" + Unique());
        var created = await WebhookAsync(account, ["order.created", "order.payment_received"], enabled: true);
        var completed = await WebhookAsync(account, ["order.completed"], enabled: false);
        var strangers = await WebhookAsync(other, ["order.created", "order.completed"], enabled: true);

        await WriteOrderAsync(account, orderId, 1, "awaiting_payment", "pending");
        await WriteOrderAsync(account, orderId, 2, "awaiting_payment", "pending", payments: 1);
        // A write that changes nothing an event is about records nothing.
        await WriteOrderAsync(account, orderId, 3, "awaiting_payment", "pending", payments: 1);
        await WriteOrderAsync(account, orderId, 4, "completed", "delivered", payments: 2);

        var events = await Sql.RowsAsync(Db, "select event_id, type, sequence from webhook_events where order_id = $1 order by sequence", orderId);
        var body = orderId[4..];
        Assert.Equal(
            [$"evt_{body}_1 order.created 1", $"evt_{body}_2 order.payment_received 2", $"evt_{body}_3 order.payment_received 3", $"evt_{body}_5 order.completed 5"],
            events.Select(e => $"{e[0]} {e[1]} {e[2]}"));
        // order.delivery_updated (4) had no subscriber: not recorded, yet counted, so sequences are the same for every endpoint.
        Assert.Equal(5, await Sql.ScalarAsync<int>(Db, "select event_seq from orders where order_id = $1", orderId));
        var deliveries = await Sql.RowsAsync(Db,
            "select webhook_id, e.sequence, d.status from webhook_deliveries d join webhook_events e using (event_id) where e.order_id = $1 order by 2, 1", orderId);
        Assert.Equal([$"{created} 1 pending", $"{created} 2 pending", $"{created} 3 pending", $"{completed} 5 pending"],
            deliveries.Select(d => $"{d[0]} {d[1]} {d[2]}"));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(Db, "select count(*) from webhook_deliveries where webhook_id = $1", strangers));

        // Deleting an endpoint deletes its deliveries; the events stay for the other endpoint.
        await ProjectAsync("webhook", completed, """{"webhook":null}""");
        Assert.Equal(0L, await Sql.ScalarAsync<long>(Db, "select count(*) from webhook_deliveries where webhook_id = $1", completed));
        Assert.Equal(4L, await Sql.ScalarAsync<long>(Db, "select count(*) from webhook_events where order_id = $1", orderId));
    }

    [Fact]
    public async Task EnablingAnEndpointAgain_StartsItsHeldDeliveriesAtOnce_WithAFreshWindow()
    {
        var (account, orderId) = ("acc_" + Unique(), "ord_" + Unique());
        var webhook = await WebhookAsync(account, ["order.created"], enabled: false);
        await WriteOrderAsync(account, orderId, 1, "completed", "delivered");
        await Sql.ExecuteAsync(Db,
            "update webhook_deliveries set first_attempt_at = now() - interval '5 days', next_attempt_at = now() + interval '1 hour' where webhook_id = $1",
            webhook);
        await Sql.ExecuteAsync(Db, "update webhook_endpoints set failing_since = now() - interval '5 days' where webhook_id = $1", webhook);

        await WebhookAsync(account, ["order.created"], enabled: true, webhook);

        var row = Assert.Single(await Sql.RowsAsync(Db,
            "select d.first_attempt_at is null, d.next_attempt_at <= now(), e.failing_since is null from webhook_deliveries d join webhook_endpoints e using (webhook_id) where webhook_id = $1",
            webhook));
        Assert.Equal([true, true, true], row);
    }

    private async Task<string> WebhookAsync(string account, string[] events, bool enabled, string? webhookId = null)
    {
        webhookId ??= "whk_" + Unique();
        var webhook = new JsonObject
        {
            ["webhookId"] = webhookId,
            ["accountId"] = account,
            ["url"] = "https://192.0.2.1/hook",
            ["events"] = new JsonArray([.. events.Select(e => JsonValue.Create(e))]),
            ["enabled"] = enabled,
            ["secret"] = "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            ["createdAt"] = "2026-11-24T08:00:00Z",
            ["updatedAt"] = "2026-11-24T08:00:00Z",
        };
        await ProjectAsync("webhook", webhookId, new JsonObject { ["webhook"] = webhook }.ToJsonString());
        return webhookId;
    }

    private async Task WriteOrderAsync(string account, string orderId, int version, string status, string delivery, int payments = 0)
    {
        var order = new JsonObject
        {
            ["orderId"] = orderId,
            ["poNumber"] = "po-" + orderId,
            ["companyId"] = "co_1",
            ["status"] = status,
            ["deliveryStatus"] = delivery,
            ["payments"] = new JsonArray([.. Enumerable.Range(0, payments).Select(_ => new JsonObject())]),
            ["version"] = version,
            ["createdAt"] = "2026-11-24T08:00:00Z",
            ["updatedAt"] = "2026-11-24T08:00:00Z",
            ["totals"] = new JsonObject { ["amountTotal"] = 10.00m },
        };
        await ProjectAsync("order", orderId, new JsonObject { ["accountId"] = account, ["order"] = order }.ToJsonString());
    }

    private async Task ProjectAsync(string state, string key, string json) =>
        await Sql.ExecuteAsync(Db, "select ordersilo_project_state($1, $2, $3)", state, key, Encoding.UTF8.GetBytes(json));

    private static string Unique() => Guid.NewGuid().ToString("N")[..20];
}
