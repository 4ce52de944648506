namespace OrderSilo.Grains.Webhooks;

/// <summary>
/// Group commit of one served endpoint's attempts: each caller waits until its outcome is committed, and outcomes
/// that come in while a write is under way share the next one. With several requests in flight to an endpoint,
/// their outcomes cost one commit instead of one each.
/// </summary>
internal sealed class AttemptRecorder(Func<IReadOnlyList<WebhookDeliveryStore.Outcome>, Task<DateTimeOffset?>> write)
{
    private readonly Lock _gate = new();
    private List<(WebhookDeliveryStore.Outcome Outcome, TaskCompletionSource<DateTimeOffset?> Done)> _queue = [];
    private bool _writing;

    /// <summary>Returns once <paramref name="outcome"/> is committed: since when the endpoint has been failing after that write.</summary>
    public Task<DateTimeOffset?> RecordAsync(WebhookDeliveryStore.Outcome outcome)
    {
        var done = new TaskCompletionSource<DateTimeOffset?>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_gate)
        {
            _queue.Add((outcome, done));
            start = !_writing;
            _writing = true;
        }
        return start ? WriteAllThenWaitAsync(done.Task) : done.Task;
    }

    private async Task<DateTimeOffset?> WriteAllThenWaitAsync(Task<DateTimeOffset?> mine)
    {
        while (true)
        {
            List<(WebhookDeliveryStore.Outcome Outcome, TaskCompletionSource<DateTimeOffset?> Done)> batch;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _writing = false;
                    break;
                }
                (batch, _queue) = (_queue, []);
            }
            try
            {
                var failingSince = await write([.. batch.Select(b => b.Outcome)]);
                foreach (var (_, done) in batch)
                    done.SetResult(failingSince);
            }
            catch (Exception error)
            {
                foreach (var (_, done) in batch)
                    done.SetException(error);
            }
        }
        return await mine;
    }
}
