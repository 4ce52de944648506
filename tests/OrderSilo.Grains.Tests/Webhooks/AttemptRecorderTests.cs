using OrderSilo.Grains.Webhooks;

namespace OrderSilo.Grains.Tests.Webhooks;

public sealed class AttemptRecorderTests
{
    private static WebhookDeliveryStore.Outcome Outcome(int n) => new(
        new WebhookDeliveryStore.Due(new WebhookEvent($"evt_x_{n}", "order.created", "ord_x", n, "{}", DateTimeOffset.UnixEpoch), 0, 0, null,
            new WebhookDeliveryStore.Endpoint("whk_x", "https://h.example/", "whsec_AAAA")),
        new WebhookDeliveryStore.Attempt(DateTimeOffset.UnixEpoch, 200, 1, null, null), "succeeded", null);

    [Fact]
    public async Task OutcomesArrivingDuringAWrite_ShareTheNextWrite_AndEachCallerWaitsForItsOwn()
    {
        var firstWrite = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writes = new List<int[]>();
        var recorder = new AttemptRecorder(async outcomes =>
        {
            lock (writes)
                writes.Add([.. outcomes.Select(o => o.Due.Event.Sequence)]);
            if (writes.Count == 1)
                await firstWrite.Task;
            return null;
        });

        var first = recorder.RecordAsync(Outcome(1));
        var others = Enumerable.Range(2, 7).Select(n => recorder.RecordAsync(Outcome(n))).ToList();
        Assert.False(first.IsCompleted);
        Assert.All(others, o => Assert.False(o.IsCompleted));
        firstWrite.SetResult();
        await Task.WhenAll([first, .. others]);

        Assert.Equal([[1], [2, 3, 4, 5, 6, 7, 8]], writes);
    }

    [Fact]
    public async Task AFailedWrite_FailsEveryCallerInIt_AndTheNextWriteStillHappens()
    {
        var calls = 0;
        var recorder = new AttemptRecorder(_ => Interlocked.Increment(ref calls) == 1
            ? Task.FromException<DateTimeOffset?>(new InvalidOperationException("database down"))
            : Task.FromResult<DateTimeOffset?>(DateTimeOffset.UnixEpoch));

        await Assert.ThrowsAsync<InvalidOperationException>(() => recorder.RecordAsync(Outcome(1)));
        Assert.Equal(DateTimeOffset.UnixEpoch, await recorder.RecordAsync(Outcome(2)));
    }
}
