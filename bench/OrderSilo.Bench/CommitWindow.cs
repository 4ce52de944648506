namespace OrderSilo.Bench;

/// <summary>The commits counted between two readings and the time between them.</summary>
internal sealed record CommitWindow(long Commits, TimeSpan Duration)
{
    public double PerSecond => Duration > TimeSpan.Zero ? Commits / Duration.TotalSeconds : 0;

    /// <summary>The commits left once the background rate over this window's duration is taken away.</summary>
    public double NetOf(double backgroundPerSecond) => Math.Max(0, Commits - backgroundPerSecond * Duration.TotalSeconds);
}
