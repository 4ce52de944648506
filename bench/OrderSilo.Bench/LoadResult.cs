using System.Diagnostics;

namespace OrderSilo.Bench;

/// <summary>What one closed-loop step measured. Latencies are those of successful operations only.</summary>
internal sealed class LoadResult
{
    private readonly long[] _sortedLatencyTicks;

    public LoadResult(
        string name,
        int concurrency,
        TimeSpan elapsed,
        long[] latencyTicks,
        IReadOnlyDictionary<string, ErrorTally> errors)
    {
        Name = name;
        Concurrency = concurrency;
        Elapsed = elapsed;
        _sortedLatencyTicks = latencyTicks;
        Array.Sort(_sortedLatencyTicks);
        Errors = errors;
    }

    public string Name { get; }
    public int Concurrency { get; }
    public TimeSpan Elapsed { get; }
    public long Successes => _sortedLatencyTicks.Length;
    public IReadOnlyDictionary<string, ErrorTally> Errors { get; }
    public long ErrorCount => Errors.Values.Sum(e => e.Count);
    public double PerSecond => Elapsed > TimeSpan.Zero ? Successes / Elapsed.TotalSeconds : 0;
    public double P50Ms => PercentileMs(0.50);
    public double P99Ms => PercentileMs(0.99);
    public double MaxMs => _sortedLatencyTicks.Length == 0 ? double.NaN : ToMs(_sortedLatencyTicks[^1]);

    /// <summary>Nearest-rank percentile; NaN when nothing succeeded.</summary>
    public double PercentileMs(double fraction)
    {
        if (_sortedLatencyTicks.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(fraction * _sortedLatencyTicks.Length);
        return ToMs(_sortedLatencyTicks[Math.Clamp(rank, 1, _sortedLatencyTicks.Length) - 1]);
    }

    private static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
