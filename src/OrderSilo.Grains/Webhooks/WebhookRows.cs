using System.Collections.Immutable;
using System.Text.Json;
using Npgsql;
using OrderSilo.Contracts.Webhooks;

namespace OrderSilo.Grains.Webhooks;

/// <summary>Reads of <c>webhook_endpoints</c> and <c>webhook_deliveries</c>, always within one account.</summary>
internal static class WebhookRows
{
    private const string EndpointColumns =
        "webhook_id, url, events, enabled, doc ->> 'disabledReason', created_at, doc ->> 'updatedAt', failing_since, last_success_at";

    private const string DeliveryColumns = """
        d.event_id, ev.type, ev.order_id, ev.sequence, d.status, d.attempts, d.created_at, d.next_attempt_at,
        d.last_attempt_at, d.last_status_code, d.last_latency_ms, d.last_error, d.delivered_at, d.attempt_log::text
        """;

    public static async Task<Webhook?> FindAsync(NpgsqlDataSource database, string accountId, string webhookId)
    {
        await using var command = database.CreateCommand($"select {EndpointColumns} from webhook_endpoints where webhook_id = $1 and account_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = webhookId });
        command.Parameters.Add(new NpgsqlParameter { Value = accountId });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? ReadEndpoint(reader) : null;
    }

    public static async Task<(ImmutableArray<Webhook>, ListCursor?)> ListAsync(NpgsqlDataSource database, string accountId, int limit, ListCursor? after)
    {
        await using var command = database.CreateCommand($"""
            select {EndpointColumns} from webhook_endpoints
            where account_id = $1 and ($2::timestamptz is null or (created_at, webhook_id) < ($2, $3))
            order by created_at desc, webhook_id desc
            limit $4
            """);
        AddPage(command, accountId, limit, after);
        var rows = new List<(Webhook Row, DateTimeOffset CreatedAt)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add((ReadEndpoint(reader), Utc(reader.GetDateTime(5))));
        return Page(rows, limit, w => w.WebhookId);
    }

    public static async Task<(ImmutableArray<WebhookDelivery>, ListCursor?)> DeliveriesAsync(NpgsqlDataSource database, WebhookDeliveryQuery query)
    {
        await using var command = database.CreateCommand($"""
            select {DeliveryColumns}
            from webhook_deliveries d
            join webhook_events ev on ev.event_id = d.event_id
            where d.webhook_id = $1
              and ($2::timestamptz is null or (d.created_at, d.event_id) < ($2, $3))
              and ($5::text is null or d.status = $5)
            order by d.created_at desc, d.event_id desc
            limit $4
            """);
        AddPage(command, query.WebhookId, query.Limit, query.After);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Status ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var rows = new List<(WebhookDelivery Row, DateTimeOffset CreatedAt)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add((ReadDelivery(reader), Utc(reader.GetDateTime(6))));
        return Page(rows, query.Limit, d => d.EventId);
    }

    /// <summary>
    /// Makes a delivery pending again in a new generation (an attempt already in flight cannot settle the replay)
    /// with a fresh retry window, and answers it as this write left it: a dispatcher may deliver it a moment later.
    /// </summary>
    public static async Task<WebhookDelivery?> ReplayAsync(NpgsqlDataSource database, string webhookId, string eventId)
    {
        await using var command = database.CreateCommand($"""
            with d as (
                update webhook_deliveries
                set status = 'pending', generation = generation + 1, next_attempt_at = now(), first_attempt_at = null
                where webhook_id = $1 and event_id = $2
                returning *)
            select {DeliveryColumns}
            from d
            join webhook_events ev on ev.event_id = d.event_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = webhookId });
        command.Parameters.Add(new NpgsqlParameter { Value = eventId });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? ReadDelivery(reader) : null;
    }

    public static async Task<int> CountAsync(NpgsqlDataSource database, string accountId)
    {
        await using var command = database.CreateCommand("select count(*) from webhook_endpoints where account_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = accountId });
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void AddPage(NpgsqlCommand command, string key, int limit, ListCursor? after)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)after?.CreatedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)after?.Id ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        // One more row than asked for says whether there is a next page.
        command.Parameters.Add(new NpgsqlParameter { Value = limit + 1 });
    }

    private static (ImmutableArray<T>, ListCursor?) Page<T>(List<(T Row, DateTimeOffset CreatedAt)> rows, int limit, Func<T, string> id)
    {
        var page = rows.Take(limit).ToList();
        // The cursor is the last row's own column values (the column keeps microseconds; compare like with like).
        var next = rows.Count > limit ? new ListCursor(page[^1].CreatedAt, id(page[^1].Row)) : null;
        return ([.. page.Select(r => r.Row)], next);
    }

    private static Webhook ReadEndpoint(NpgsqlDataReader reader) => new()
    {
        WebhookId = reader.GetString(0),
        Url = reader.GetString(1),
        Events = [.. reader.GetFieldValue<string[]>(2)],
        Enabled = reader.GetBoolean(3),
        DisabledReason = reader.IsDBNull(4) ? null : reader.GetString(4),
        CreatedAt = Utc(reader.GetDateTime(5)),
        UpdatedAt = reader.IsDBNull(6) ? Utc(reader.GetDateTime(5)) : DateTimeOffset.Parse(reader.GetString(6), System.Globalization.CultureInfo.InvariantCulture),
        FailingSince = reader.IsDBNull(7) ? null : Utc(reader.GetDateTime(7)),
        LastSuccessAt = reader.IsDBNull(8) ? null : Utc(reader.GetDateTime(8)),
    };

    private static WebhookDelivery ReadDelivery(NpgsqlDataReader reader)
    {
        var status = reader.GetString(4);
        return new WebhookDelivery
        {
            EventId = reader.GetString(0),
            Type = reader.GetString(1),
            OrderId = reader.GetString(2),
            Sequence = reader.GetInt32(3),
            Status = status,
            Attempts = reader.GetInt32(5),
            CreatedAt = Utc(reader.GetDateTime(6)),
            NextAttemptAt = status == "pending" ? Utc(reader.GetDateTime(7)) : null,
            LastAttemptAt = reader.IsDBNull(8) ? null : Utc(reader.GetDateTime(8)),
            LastStatusCode = reader.IsDBNull(9) ? null : reader.GetInt32(9),
            LastLatencyMs = reader.IsDBNull(10) ? null : reader.GetInt32(10),
            LastError = reader.IsDBNull(11) ? null : reader.GetString(11),
            DeliveredAt = reader.IsDBNull(12) ? null : Utc(reader.GetDateTime(12)),
            AttemptLog = [.. JsonSerializer.Deserialize<List<WebhookAttempt>>(reader.GetString(13), AttemptJson) ?? []],
        };
    }

    private static readonly JsonSerializerOptions AttemptJson = new(JsonSerializerDefaults.Web);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
