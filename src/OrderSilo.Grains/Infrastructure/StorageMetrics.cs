using System.Diagnostics;
using System.Diagnostics.Metrics;
using Orleans.Storage;

namespace OrderSilo.Grains.Infrastructure;

/// <summary>
/// Latency of the storage reads and writes that grains make through <see cref="OnDemandState{T}"/> (poNumber
/// claims and orders). Orleans measures only <c>[PersistentState]</c> state (its <c>orleans-storage-*</c>
/// instruments); these calls go to the provider directly, so they are measured here, in OrderSilo's meter.
/// </summary>
internal static class StorageMetrics
{
    private static readonly Meter Meter = new("OrderSilo");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram("ordersilo.storage.duration", "s",
        "Time of a grain state read or write through the storage provider, by state, operation and outcome.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });

    public static async Task Measure(string stateName, string operation, Func<Task> call)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            await call();
            outcome = "ok";
        }
        catch (InconsistentStateException)
        {
            outcome = "conflict";
            throw;
        }
        finally
        {
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new("state", stateName), new("operation", operation), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
