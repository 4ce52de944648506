using System.Diagnostics;

namespace OrderSilo.Bench;

/// <summary>
/// Runs an operation in a closed loop on a fixed number of workers for a fixed time: each worker starts its next
/// operation as soon as the previous one answered, so the offered load is exactly the concurrency.
/// </summary>
internal static class ClosedLoop
{
    /// <summary>One operation: returns null on success, else a label for the kind of failure and an example.</summary>
    public delegate ValueTask<(string Label, string Sample)?> Operation(int worker, long sequence, CancellationToken ct);

    public static async Task<LoadResult> RunAsync(
        string name, int concurrency, TimeSpan duration, Operation operation, CancellationToken ct)
    {
        var latencies = new List<long>[concurrency];
        var errors = new Dictionary<string, ErrorTally>[concurrency];
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<long>(4096);
            var myErrors = errors[worker] = [];
            for (long sequence = 0; Stopwatch.GetTimestamp() < deadline && !ct.IsCancellationRequested; sequence++)
            {
                var begin = Stopwatch.GetTimestamp();
                (string Label, string Sample)? failure;
                try
                {
                    failure = await operation(worker, sequence, ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    break;
                }
#pragma warning disable CA1031 // A failed request is a measured outcome: count it and keep the load going.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failure = (e.GetType().Name, e.Message);
                }

                var took = Stopwatch.GetTimestamp() - begin;
                if (failure is null)
                {
                    mine.Add(took);
                }
                else
                {
                    var (label, sample) = failure.Value;
                    myErrors[label] = myErrors.TryGetValue(label, out var tally)
                        ? tally with { Count = tally.Count + 1 }
                        : new ErrorTally(1, sample);
                }
            }
        }, CancellationToken.None)).ToArray();

        await Task.WhenAll(workers);
        ct.ThrowIfCancellationRequested();
        var elapsed = Stopwatch.GetElapsedTime(started);

        var merged = new Dictionary<string, ErrorTally>();
        foreach (var (label, tally) in errors.SelectMany(e => e))
        {
            merged[label] = merged.TryGetValue(label, out var seen) ? seen with { Count = seen.Count + tally.Count } : tally;
        }

        return new LoadResult(name, concurrency, elapsed, [.. latencies.SelectMany(l => l)], merged);
    }
}
