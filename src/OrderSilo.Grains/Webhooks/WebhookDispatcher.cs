using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderSilo.Contracts.Webhooks;

namespace OrderSilo.Grains.Webhooks;

/// <summary>
/// Every silo runs one: it takes endpoints with due deliveries (leases in <see cref="WebhookDeliveryStore"/>),
/// serves up to <see cref="WebhookOptions.EndpointsPerSilo"/> of them side by side, each with at most
/// <see cref="WebhookOptions.PerEndpointConcurrency"/> requests in flight, for at most
/// <see cref="WebhookOptions.ServeTime"/> before letting go. So a slow or dead endpoint holds one slot and its own
/// deliveries, never another account's.
/// </summary>
internal sealed partial class WebhookDispatcher(
    WebhookDeliveryStore store,
    WebhookSender sender,
    IGrainFactory grains,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromMinutes(10);
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly ConcurrentDictionary<string, Task> _serving = new();
    private WebhookOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var nextSweep = clock.GetUtcNow();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var free = Options.EndpointsPerSilo - _serving.Count;
                if (free > 0)
                {
                    foreach (var endpoint in await store.LeaseAsync(_owner, free, Options.Lease, stopping))
                        _serving[endpoint.WebhookId] = ServeAndReleaseAsync(endpoint, stopping);
                }
                if (clock.GetUtcNow() >= nextSweep)
                {
                    nextSweep = clock.GetUtcNow() + SweepPeriod;
                    var swept = await store.SweepAsync(clock.GetUtcNow() - Options.Retention, 1000, stopping);
                    if (swept > 0)
                        LogSwept(logger, swept);
                }
            }
            catch (Exception error) when (!stopping.IsCancellationRequested && error is not OutOfMemoryException)
            {
                LogPollFailed(logger, error);
            }
            try
            {
                await Task.Delay(Options.PollInterval, clock, stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await Task.WhenAll(_serving.Values);
    }

    private async Task ServeAndReleaseAsync(WebhookDeliveryStore.Endpoint endpoint, CancellationToken stopping)
    {
        // Yield first: the caller registers this task before it can finish and remove itself.
        await Task.Yield();
        try
        {
            await ServeAsync(endpoint, stopping);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            if (!stopping.IsCancellationRequested)
                LogServeFailed(logger, error, endpoint.WebhookId);
        }
        finally
        {
            // Forgotten before the lease is let go: until then no poll can lease the endpoint again and register it anew.
            _serving.TryRemove(endpoint.WebhookId, out _);
            try
            {
                await store.ReleaseAsync(endpoint.WebhookId, _owner);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // The lease runs out by itself.
                LogServeFailed(logger, error, endpoint.WebhookId);
            }
        }
    }

    private async Task ServeAsync(WebhookDeliveryStore.Endpoint endpoint, CancellationToken stopping)
    {
        var until = clock.GetUtcNow() + Options.ServeTime;
        var disabled = false;
        var recorder = new AttemptRecorder(outcomes => store.RecordAsync(endpoint.WebhookId, _owner, outcomes, Options.Lease));
        while (!disabled && !stopping.IsCancellationRequested && clock.GetUtcNow() < until)
        {
            var due = await store.DueAsync(endpoint.WebhookId, Options.PerEndpointConcurrency * 8, stopping);
            if (due.Count == 0)
                return;
            // One order's events go one after the other, oldest first, so that they usually arrive in sequence;
            // different orders go side by side.
            var byOrder = due.GroupBy(d => d.Event.OrderId).Select(g => g.OrderBy(d => d.Event.Sequence).ToList()).ToList();
            await Parallel.ForEachAsync(byOrder, new ParallelOptions { MaxDegreeOfParallelism = Options.PerEndpointConcurrency, CancellationToken = stopping },
                async (deliveries, cancellation) =>
                {
                    foreach (var delivery in deliveries)
                    {
                        if (Volatile.Read(ref disabled))
                            return;
                        if (await AttemptAsync(endpoint, recorder, delivery, cancellation))
                            Volatile.Write(ref disabled, true);
                    }
                });
        }
    }

    /// <summary>Makes and records one attempt; true when the endpoint was disabled because of it.</summary>
    private async Task<bool> AttemptAsync(
        WebhookDeliveryStore.Endpoint endpoint, AttemptRecorder recorder, WebhookDeliveryStore.Due due, CancellationToken cancellation)
    {
        var body = WebhookPayload.Render(due.Event, Options.MaxPayloadBytes);
        var attempt = await sender.SendAsync(due.Endpoint, due.Event.EventId, body, cancellation);
        var now = clock.GetUtcNow();
        DateTimeOffset? next = null;
        var status = "succeeded";
        if (!attempt.Succeeded)
        {
            next = WebhookRetryRules.NextAttempt(due.Attempts + 1, due.FirstAttemptAt ?? attempt.At, now, attempt.RetryAfter, Random.Shared.NextDouble(), Options);
            status = next is null ? "failed" : "pending";
        }
        var failingSince = await recorder.RecordAsync(new WebhookDeliveryStore.Outcome(due, attempt, status, next));
        if (status == "failed")
            LogGaveUp(logger, due.Event.EventId, endpoint.WebhookId, due.Attempts + 1);

        string? reason = WebhookRetryRules.IsGone(attempt.StatusCode) ? "gone"
            : WebhookRetryRules.DisablesEndpoint(failingSince, now, Options) ? "failing"
            : null;
        if (reason is null)
            return false;
        LogDisabling(logger, endpoint.WebhookId, reason);
        await grains.GetGrain<IWebhookGrain>(endpoint.WebhookId).DisableForFailures(reason);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for due webhook deliveries failed; trying again")]
    private static partial void LogPollFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Serving webhook endpoint {WebhookId} failed; its deliveries stay due")]
    private static partial void LogServeFailed(ILogger logger, Exception error, string webhookId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gave up delivering {EventId} to {WebhookId} after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, string eventId, string webhookId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Disabling webhook endpoint {WebhookId} ({Reason}); its deliveries are kept")]
    private static partial void LogDisabling(ILogger logger, string webhookId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} webhook events past their retention")]
    private static partial void LogSwept(ILogger logger, int count);
}
