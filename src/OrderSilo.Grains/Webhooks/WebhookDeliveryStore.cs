using Npgsql;
using NpgsqlTypes;

namespace OrderSilo.Grains.Webhooks;

/// <summary>
/// The dispatchers' SQL. Silos share the work through leases on endpoints: a silo takes endpoints that have due
/// deliveries and no live lease (<c>FOR UPDATE SKIP LOCKED</c>, so two silos never take the same one), renews the
/// lease with every attempt it records, and lets go when done. A silo that dies leaves a lease that runs out
/// within <see cref="WebhookOptions.Lease"/>; its unrecorded attempts are due still and are made again.
/// Lease times are the database's clock, so silos' clocks need not agree for two of them never to serve one
/// endpoint at once.
/// </summary>
internal sealed class WebhookDeliveryStore(NpgsqlDataSource database)
{
    /// <summary>An endpoint this silo now serves.</summary>
    public sealed record Endpoint(string WebhookId, string Url, string Secret);

    /// <summary>A due delivery with its event, and the endpoint's URL and secret as they are now.</summary>
    public sealed record Due(WebhookEvent Event, int Generation, int Attempts, DateTimeOffset? FirstAttemptAt, Endpoint Endpoint);

    /// <summary>What one attempt came to.</summary>
    public sealed record Attempt(DateTimeOffset At, int? StatusCode, int LatencyMs, string? Error, TimeSpan? RetryAfter)
    {
        public bool Succeeded => WebhookRetryRules.IsSuccess(StatusCode);
    }

    public async Task<List<Endpoint>> LeaseAsync(string owner, int count, TimeSpan lease, CancellationToken cancellation)
    {
        await using var command = database.CreateCommand("""
            update webhook_endpoints e
            set lease_owner = $1, lease_until = now() + $2
            from (
                select c.webhook_id
                from webhook_endpoints c
                where c.enabled
                  and (c.lease_until is null or c.lease_until < now())
                  and exists (select 1 from webhook_deliveries d
                              where d.webhook_id = c.webhook_id and d.status = 'pending' and d.next_attempt_at <= now())
                order by c.lease_until nulls first
                limit $3
                for update of c skip locked
            ) picked
            where e.webhook_id = picked.webhook_id
            returning e.webhook_id, e.url, e.secret
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = owner });
        command.Parameters.Add(new NpgsqlParameter { Value = lease, NpgsqlDbType = NpgsqlDbType.Interval });
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        var endpoints = new List<Endpoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            endpoints.Add(new Endpoint(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return endpoints;
    }

    /// <summary>
    /// The endpoint's due deliveries, oldest first; none once it is disabled. Each batch reads the endpoint again,
    /// so a changed URL is used from the next batch on.
    /// </summary>
    public async Task<List<Due>> DueAsync(string webhookId, int limit, CancellationToken cancellation)
    {
        await using var command = database.CreateCommand("""
            select d.event_id, ev.type, ev.order_id, ev.sequence, ev.order_doc::text, ev.created_at,
                   d.generation, d.attempts, d.first_attempt_at, w.url, w.secret
            from webhook_deliveries d
            join webhook_events ev on ev.event_id = d.event_id
            join webhook_endpoints w on w.webhook_id = d.webhook_id and w.enabled
            where d.webhook_id = $1 and d.status = 'pending' and d.next_attempt_at <= now()
            order by d.next_attempt_at, ev.created_at, ev.sequence
            limit $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = webhookId });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var due = new List<Due>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            due.Add(new Due(
                new WebhookEvent(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4), Utc(reader.GetDateTime(5))),
                reader.GetInt32(6),
                reader.GetInt32(7),
                reader.IsDBNull(8) ? null : Utc(reader.GetDateTime(8)),
                new Endpoint(webhookId, reader.GetString(9), reader.GetString(10))));
        }
        return due;
    }

    /// <summary>An attempt and what it decided: the delivery's next status and, for a retry, when.</summary>
    public sealed record Outcome(Due Due, Attempt Attempt, string Status, DateTimeOffset? Next);

    /// <summary>
    /// Records attempts to one endpoint in one commit: each delivery's counters and log, its next status (unless a
    /// replay came in meanwhile: then the replay's attempt is still to be made); the endpoint's health; and renews
    /// this silo's lease. Answers since when the endpoint has been failing (null after a success).
    /// </summary>
    public async Task<DateTimeOffset?> RecordAsync(string webhookId, string owner, IReadOnlyList<Outcome> outcomes, TimeSpan lease)
    {
        // The latest success ends the failing spell; failures begun after it start a new one.
        var lastSuccess = outcomes.Where(o => o.Attempt.Succeeded).Select(o => (DateTimeOffset?)o.Attempt.At).Max();
        var failingFrom = outcomes.Where(o => !o.Attempt.Succeeded && !(o.Attempt.At <= lastSuccess)).Select(o => (DateTimeOffset?)o.Attempt.At).Min();

        await using var batch = database.CreateBatch();
        // The endpoint's row before the deliveries', the order in which deleting an endpoint (which deletes its
        // deliveries) and enabling one again (which restarts them) take their locks: no deadlock between them.
        var endpoint = new NpgsqlBatchCommand("""
            update webhook_endpoints
            set lease_until = case when lease_owner = $2 then now() + $3 else lease_until end,
                failing_since = case when $4::timestamptz is not null then $5 else coalesce(failing_since, $5) end,
                last_success_at = coalesce($4, last_success_at)
            where webhook_id = $1
            returning failing_since
            """);
        endpoint.Parameters.Add(new NpgsqlParameter { Value = webhookId });
        endpoint.Parameters.Add(new NpgsqlParameter { Value = owner });
        endpoint.Parameters.Add(new NpgsqlParameter { Value = lease, NpgsqlDbType = NpgsqlDbType.Interval });
        endpoint.Parameters.Add(new NpgsqlParameter { Value = (object?)lastSuccess ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        endpoint.Parameters.Add(new NpgsqlParameter { Value = (object?)failingFrom ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        batch.BatchCommands.Add(endpoint);

        foreach (var (due, attempt, status, next) in outcomes)
        {
            var delivery = new NpgsqlBatchCommand("""
                update webhook_deliveries
                set attempts = attempts + 1,
                    first_attempt_at = coalesce(first_attempt_at, $3),
                    last_attempt_at = $3,
                    last_status_code = $4,
                    last_latency_ms = $5,
                    last_error = $6,
                    attempt_log = (case when jsonb_array_length(attempt_log) >= 20 then attempt_log - 0 else attempt_log end)
                                  || jsonb_build_array(jsonb_build_object('at', $3, 'statusCode', $4, 'latencyMs', $5, 'error', $6)),
                    status = case when generation = $7 then $8 else status end,
                    next_attempt_at = case when generation = $7 and $9::timestamptz is not null then $9 else next_attempt_at end,
                    delivered_at = case when $8 = 'succeeded' then $3 else delivered_at end
                where webhook_id = $1 and event_id = $2
                """);
            delivery.Parameters.Add(new NpgsqlParameter { Value = webhookId });
            delivery.Parameters.Add(new NpgsqlParameter { Value = due.Event.EventId });
            delivery.Parameters.Add(new NpgsqlParameter { Value = attempt.At });
            delivery.Parameters.Add(new NpgsqlParameter { Value = (object?)attempt.StatusCode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
            delivery.Parameters.Add(new NpgsqlParameter { Value = attempt.LatencyMs });
            delivery.Parameters.Add(new NpgsqlParameter { Value = (object?)attempt.Error ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            delivery.Parameters.Add(new NpgsqlParameter { Value = due.Generation });
            delivery.Parameters.Add(new NpgsqlParameter { Value = status });
            delivery.Parameters.Add(new NpgsqlParameter { Value = (object?)next ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            batch.BatchCommands.Add(delivery);
        }

        // Not cancelled with the silo's shutdown: an attempt that was made is recorded if at all possible.
        await using var reader = await batch.ExecuteReaderAsync(CancellationToken.None);
        // The endpoint's update is the batch's one result set.
        while (reader.FieldCount == 0 && await reader.NextResultAsync())
        {
        }
        return await reader.ReadAsync() && !reader.IsDBNull(0) ? Utc(reader.GetDateTime(0)) : null;
    }

    /// <summary>Lets go of an endpoint; its lease time stays as the moment it was last served, which orders the next takers.</summary>
    public async Task ReleaseAsync(string webhookId, string owner)
    {
        await using var command = database.CreateCommand(
            "update webhook_endpoints set lease_owner = null, lease_until = now() where webhook_id = $1 and lease_owner = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = webhookId });
        command.Parameters.Add(new NpgsqlParameter { Value = owner });
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>
    /// Deletes events older than <paramref name="cutoff"/> none of whose deliveries is pending for an endpoint that
    /// still exists (their deliveries go with them).
    /// </summary>
    public async Task<int> SweepAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellation)
    {
        await using var command = database.CreateCommand("""
            delete from webhook_events
            where event_id in (
                select e.event_id
                from webhook_events e
                where e.created_at < $1
                  and not exists (select 1 from webhook_deliveries d join webhook_endpoints w on w.webhook_id = d.webhook_id
                                  where d.event_id = e.event_id and d.status = 'pending')
                order by e.created_at
                limit $2
                for update skip locked)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = cutoff });
        command.Parameters.Add(new NpgsqlParameter { Value = batchSize });
        return await command.ExecuteNonQueryAsync(cancellation);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
